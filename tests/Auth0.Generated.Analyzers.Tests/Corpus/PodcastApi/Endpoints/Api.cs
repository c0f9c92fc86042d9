using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Podcasts;

public static class Api
{
    public static void MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/version", () => "2.0").AllowAnonymous();

        // v1 stays public for old clients; v2 requires a signed-in user.
        api.MapGroup("/v1").WithGroupName("v1").MapShows().MapEpisodes();

        var v2 = api.MapGroup("/v2").WithGroupName("v2").RequireAuthorization();
        v2.MapShows();
        v2.MapEpisodes();
        v2.MapFeeds();
    }
}
