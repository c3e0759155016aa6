using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RazorShop.Models;

namespace RazorShop.Controllers;

public class CommentsController : Controller
{
    [HttpGet]
    public IActionResult Show(string author, string text) => View(new Comment { Author = author, Text = text });

    [HttpPost]
    [Authorize(Roles = "Moderator")]
    [ValidateAntiForgeryToken]
    public IActionResult Hide(int id) => RedirectToAction(nameof(Show));
}
