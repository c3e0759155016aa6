namespace RazorShop.Models;

public class Comment
{
    public string Author { get; set; } = "";
    public string Text { get; set; } = "";
}
