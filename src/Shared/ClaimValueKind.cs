// Linked source (src/Shared): the runtime's public Auth0.Generated.ClaimValueKind, and the generator's and the
// analyzers' internal copy of the same enum.
#if AUTH0_RUNTIME
namespace Auth0.Generated
#else
namespace Auth0.Generated.Shared
#endif
{
    /// <summary>The JSON type a <c>ClaimEqualsAttribute</c> compares.</summary>
#if AUTH0_RUNTIME
    public
#else
    internal
#endif
    enum ClaimValueKind
    {
        /// <summary>A JSON string, compared ordinally.</summary>
        String,

        /// <summary>A JSON boolean.</summary>
        Boolean,

        /// <summary>A JSON integer.</summary>
        Integer,

        /// <summary>A JSON number (integral or not).</summary>
        Number,
    }
}
