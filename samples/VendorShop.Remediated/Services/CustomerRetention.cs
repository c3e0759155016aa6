using Microsoft.EntityFrameworkCore;
using PolicyKit;
using VendorShop.Remediated.Data;

namespace VendorShop.Remediated.Services;

// A.15.1.3: customer records are deleted when the policy's retention period for personal data ends.
public sealed class CustomerRetention(ShopDbContext db, PolicySet policy, TimeProvider clock)
{
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var period = policy.Retention.Periods.FirstOrDefault(p => p.DataClass == "personal");
        if (period?.MaximumKeepDays is not int days)
        {
            return 0;
        }

        var cutoff = clock.GetUtcNow().AddDays(-days);
        return await db.Customers.Where(c => c.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
