using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Passwordless.Controllers;

public class Application
{
    public string Name { get; set; } = "";
}

public class ApiKey
{
    public string Value { get; set; } = "";
}

[Route("apps")]
[Authorize]
public class AppsController : CrudControllerBase<Application>
{
    [HttpPost]
    public IActionResult Create(Application app) => Created("/apps/1", app);
}

[Route("keys")]
public class KeysController : CrudControllerBase<ApiKey>
{
    [HttpPost, Authorize(Roles = "admin")]
    public IActionResult Create(ApiKey key) => Created("/keys/1", key);

    [HttpGet("count")]
    public IActionResult Count() => Ok(Items.Count); // unprotected
}

[ApiController]
[Route("[controller]")]
public class CredentialsController : ControllerBase
{
    [HttpPost("register")]
    public IActionResult Register(string token) => Ok(token); // unprotected

    [HttpPost("signin")]
    [AllowAnonymous]
    public IActionResult SignIn(string token) => Ok(token);

    [HttpGet]
    [Authorize]
    public IActionResult List() => Ok();
}

public class HomeController : Controller
{
    public override void OnActionExecuting(ActionExecutingContext context) => base.OnActionExecuting(context);

    [AllowAnonymous]
    public IActionResult Index() => View();

    public IActionResult Privacy() => View(); // unprotected
}

public class StatusController
{
    public string Get() => "ok"; // unprotected

    [NonAction]
    public string Describe() => "status";
}
