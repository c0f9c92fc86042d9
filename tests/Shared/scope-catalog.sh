# Sourced by the performance scripts (tests/*/Performance/*.sh): the scope catalog their generated projects declare.
# write_scope_catalog FILE: 40 scopes, read:area0..19 and write:area0..19, each with a description.
write_scope_catalog() {
  {
    echo '['
    for i in $(seq 0 19); do
      sep=','; [ "$i" = 19 ] && sep=''
      echo "  {\"value\": \"read:area$i\", \"description\": \"Read area $i\"},"
      echo "  {\"value\": \"write:area$i\", \"description\": \"Write area $i\"}$sep"
    done
    echo ']'
  } > "$1"
}
