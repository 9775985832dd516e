using MxPortal.Infrastructure.Bounces.Qualification;

namespace MxPortal.Web.Components.Pages.Qualification;

/// <summary>How the qualification pages name a status.</summary>
public static class RulePreviewLabels
{
    public static string Status(QualificationStatus status) => status == QualificationStatus.ToQualify ? "To qualify" : status.ToString();
}
