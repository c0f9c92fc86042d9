namespace Auth0.Generated.Authorization;

/// <summary>
/// The requirement <c>.RequireClaimCheck(delegate, message)</c> adds: a check given as a delegate. Its key is unique
/// per instance, so no generated check ever replaces it.
/// </summary>
internal sealed class DelegateClaimCheckAttribute : Auth0RequirementAttribute
{
    private static long _counter;
    private readonly Func<AccessToken, HttpContext, ValueTask<bool>> _check;
    private readonly long _id = Interlocked.Increment(ref _counter);

    public DelegateClaimCheckAttribute(Func<AccessToken, HttpContext, ValueTask<bool>> check, string? message)
    {
        _check = check ?? throw new ArgumentNullException(nameof(check));
        Message = message ?? ClaimCheckAttribute.DefaultMessage;
        Failure = Auth0Failure.InvalidToken(Message);
    }

    public string Message { get; }

    public Auth0Failure Failure { get; }

    private protected override string BuildKey()
        => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"claim.check.delegate\n{_id}\n{Message}");

    private protected override IAuth0Check CreateFallbackCheck() => new DelegateCheck(_check, Failure);

    private sealed class DelegateCheck : IAuth0Check, IInterpretedCheck
    {
        private readonly Func<AccessToken, HttpContext, ValueTask<bool>> _check;
        private readonly Auth0Failure _failure;

        public DelegateCheck(Func<AccessToken, HttpContext, ValueTask<bool>> check, Auth0Failure failure)
        {
            _check = check;
            _failure = failure;
        }

        public ValueTask<Auth0Failure?> CheckAsync(AccessToken token, HttpContext httpContext)
        {
            var pending = _check(token, httpContext);
            return pending.IsCompletedSuccessfully
                ? new(pending.Result ? null : _failure)
                : Await(pending, _failure);

            static async ValueTask<Auth0Failure?> Await(ValueTask<bool> pending, Auth0Failure failure)
                => await pending.ConfigureAwait(false) ? null : failure;
        }
    }
}
