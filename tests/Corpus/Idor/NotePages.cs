using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Corpus.Idor;

[Authorize]
public sealed class NoteDetailsModel(AccountsDbContext db) : PageModel
{
    public Note? Note { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        Note = await db.Notes.FindAsync(id); // vuln:PK1009 page handler loads any user's note
        return Note is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id)
    {
        var note = await db.Notes.SingleOrDefaultAsync(n => n.Id == id); // vuln:PK1009 deletes any user's note
        if (note is not null)
        {
            db.Notes.Remove(note);
            await db.SaveChangesAsync();
        }

        return RedirectToPage("/Notes/Index");
    }

    public async Task<IActionResult> OnPostArchiveAsync(long id)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var note = await db.Notes.SingleOrDefaultAsync(n => n.Id == id); // safe:PK1009 Forbid unless the caller owns it
        if (note is null)
        {
            return NotFound();
        }

        if (note.UserId != userId)
        {
            return Forbid();
        }

        note.Text = "[archived] " + note.Text;
        await db.SaveChangesAsync();
        return RedirectToPage("/Notes/Index");
    }
}

[Authorize]
public sealed class NoteEditModel(AccountsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty]
    public string Text { get; set; } = "";

    public async Task<IActionResult> OnPostAsync()
    {
        var note = await db.Notes.Where(n => n.Id == Id).FirstOrDefaultAsync(); // vuln:PK1009 bound route id, no owner filter
        if (note is null)
        {
            return NotFound();
        }

        note.Text = Text;
        await db.SaveChangesAsync();
        return RedirectToPage("/Notes/Index");
    }

    public async Task<IActionResult> OnPostMineAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var note = await db.Notes.Where(n => n.UserId == userId).FirstOrDefaultAsync(n => n.Id == Id); // safe:PK1009 owner filter first in the chain
        if (note is null)
        {
            return NotFound();
        }

        note.Text = Text;
        await db.SaveChangesAsync();
        return RedirectToPage("/Notes/Index");
    }
}

[Authorize]
public sealed class ShipmentTrackingModel(AccountsDbContext db) : PageModel
{
    public Shipment? Shipment { get; private set; }

    public async Task OnGetAsync(int shipmentId)
    {
        Shipment = await db.Shipments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == shipmentId); // vuln:PK1009 another customer's delivery address
    }
}

[Authorize(Roles = "Warehouse")]
public sealed class ShipmentDispatchModel(AccountsDbContext db) : PageModel
{
    public async Task<IActionResult> OnPostAsync(int shipmentId)
    {
        var shipment = await db.Shipments.FindAsync(shipmentId); // safe:PK1009 warehouse staff dispatch every shipment
        if (shipment is null)
        {
            return NotFound();
        }

        shipment.Status = "dispatched";
        await db.SaveChangesAsync();
        return Page();
    }
}

[Authorize]
public sealed class TeamDocumentModel(AccountsDbContext db) : PageModel
{
    public TeamDocument? Document { get; private set; }

    public async Task OnGetAsync(int id)
    {
        Document = await db.Documents.FirstOrDefaultAsync(d => d.Id == id); // safe:PK1009 the tenant query filter scopes the lookup
    }

    public async Task OnGetAnyTenantAsync(int id)
    {
        Document = await db.Documents.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.Id == id); // vuln:PK1009 tenant filter switched off for a request id
    }
}

public sealed class HelpArticleModel(AccountsDbContext db) : PageModel
{
    public Article? Article { get; private set; }

    public async Task OnGetAsync(int id)
    {
        Article = await db.Articles.FindAsync(id); // safe:PK1009 public help article, no owner
    }
}

[Authorize]
public sealed class ProfileModel(AccountsDbContext db) : PageModel
{
    public UserProfile? Profile { get; private set; }

    public async Task OnGetAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Profile = await db.Profiles.FindAsync(userId); // safe:PK1009 key from the caller's own claims
    }
}
