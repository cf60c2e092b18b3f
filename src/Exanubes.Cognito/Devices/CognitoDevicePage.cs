namespace Exanubes.Cognito.Devices;

/// <summary>One page of the user's tracked devices (<c>ListDevices</c>).</summary>
public sealed class CognitoDevicePage
{
    /// <summary>Creates a page.</summary>
    /// <param name="devices">The devices on this page.</param>
    /// <param name="paginationToken">The token for the next page; <see langword="null"/> on the last page.</param>
    /// <exception cref="ArgumentNullException"><paramref name="devices"/> is null.</exception>
    public CognitoDevicePage(IReadOnlyList<CognitoDevice> devices, string? paginationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        Devices = devices;
        PaginationToken = paginationToken;
    }

    /// <summary>The devices on this page.</summary>
    public IReadOnlyList<CognitoDevice> Devices { get; }

    /// <summary>Pass to <see cref="ICognitoDevices.ListAsync"/> for the next page; <see langword="null"/> on the last page.</summary>
    public string? PaginationToken { get; }
}
