using Hangfire.Dashboard;
using MxPortal.Domain.Access;

namespace MxPortal.Web.Security;

/// <summary>
/// The jobs dashboard is for Administrators. The endpoint's policy already redirects others; this filter is the
/// dashboard's own check (its default would admit any local request).
/// </summary>
internal sealed class HangfireDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && Policies.Allows(Policies.Jobs, user.IsInRole);
    }
}
