namespace VendorShop.Remediated.Models;

public sealed class Order
{
    public int Id { get; set; }

    public string CustomerId { get; set; } = "";

    public int ProductId { get; set; }

    public int Quantity { get; set; }

    public DateTimeOffset PlacedAt { get; set; }
}
