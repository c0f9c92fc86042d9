using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Passwordless;

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddControllers();
        services.AddSignalR();
        services.AddAuthorization();
    }

    public void Configure(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapControllers();
            endpoints.MapGet("/", () => "Passwordless server"); // unprotected
            endpoints.MapGet("/metrics", () => Results.Ok()).RequireAuthorization("ops");
            endpoints.MapHub<NotificationsHub>("/hubs/notifications"); // unprotected
            endpoints.MapHub<AdminHub>("/hubs/admin");
        });
    }
}
