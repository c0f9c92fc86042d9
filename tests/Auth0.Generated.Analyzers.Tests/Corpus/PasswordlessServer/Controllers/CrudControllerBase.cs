using System.Collections.Generic;
using Microsoft.AspNetCore.Mvc;

namespace Passwordless.Controllers;

[ApiController]
public abstract class CrudControllerBase<T> : ControllerBase
    where T : class
{
    private readonly List<T> _items = new();

    [HttpGet]
    public virtual IActionResult GetAll() => Ok(_items); // unprotected

    [HttpGet("{id:int}")]
    public IActionResult GetById(int id) => id < _items.Count ? Ok(_items[id]) : NotFound(); // unprotected

    [HttpDelete("{id:int}")]
    public IActionResult Delete(int id) => NoContent(); // unprotected

    protected IReadOnlyList<T> Items => _items;
}
