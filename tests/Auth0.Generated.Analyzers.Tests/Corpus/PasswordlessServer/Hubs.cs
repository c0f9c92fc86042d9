using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Passwordless;

public class NotificationsHub : Hub
{
}

[Authorize(Roles = "admin")]
public class AdminHub : Hub
{
}
