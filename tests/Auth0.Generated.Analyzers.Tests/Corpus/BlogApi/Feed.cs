using Microsoft.AspNetCore.Authorization;

namespace Blog;

public static class Feed
{
    public static string Render() => "<rss/>";

    [Authorize(Roles = "author")]
    public static string Drafts() => "drafts";
}
