using Tollgate.Shared.Admission.Review;

namespace Tollgate.Shared.Admission;

/// <summary>Whether a parsed AdmissionReview is one the server can answer: the envelope fields a handler relies on.</summary>
public static class AdmissionReviewCheck
{
    /// <returns>Why the review is unusable (answered with HTTP 400), or null.</returns>
    public static string? Problem(AdmissionReview? review) => review switch
    {
        null => "the body is JSON null, not an AdmissionReview",
        { ApiVersion: not AdmissionReview.V1ApiVersion } =>
            $"apiVersion is {Quoted(review.ApiVersion)}; this server speaks only {AdmissionReview.V1ApiVersion} (admissionReviewVersions: [v1])",
        { Kind: not AdmissionReview.ReviewKind } => $"kind is {Quoted(review.Kind)}, not {AdmissionReview.ReviewKind}",
        { Request: null } => "the AdmissionReview has no request",
        { Request.Uid: null or "" } => "request.uid is missing",
        { Request.UserInfo: { } user } => UserInfoProblem(user),
        _ => null,
    };

    private static string? UserInfoProblem(UserInfo user)
    {
        if (user.Groups is { } groups && groups.Any(g => g is null))
        {
            return "request.userInfo.groups holds a null element";
        }

        if (user.Extra is { } extra)
        {
            foreach (var (key, values) in extra)
            {
                if (values is null || values.Any(v => v is null))
                {
                    return $"request.userInfo.extra[{Quoted(key)}] is null or holds a null element";
                }
            }
        }

        return null;
    }

    /// <summary>A request-controlled value in a message, cut short so a 1 MB value does not become a 1 MB answer.</summary>
    private static string Quoted(string? value) => value is null ? "null" : $"\"{AdmissionLogValues.Bound(value)}\"";
}
