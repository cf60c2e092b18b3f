namespace Exanubes.Cognito;

/// <summary>Where Cognito sent a confirmation or verification code (<c>CodeDeliveryDetailsType</c>).</summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CodeDeliveryDetailsType.html"/>.</remarks>
public sealed class CognitoCodeDelivery
{
    /// <summary>Creates delivery details.</summary>
    /// <param name="destination">The masked destination, for example <c>a***@e***.com</c>.</param>
    /// <param name="deliveryMedium"><c>EMAIL</c> or <c>SMS</c>.</param>
    /// <param name="attributeName">The attribute the code verifies, for example <c>email</c>.</param>
    public CognitoCodeDelivery(string? destination, string? deliveryMedium, string? attributeName)
    {
        Destination = destination;
        DeliveryMedium = deliveryMedium;
        AttributeName = attributeName;
    }

    /// <summary>The masked destination, for example <c>a***@e***.com</c>.</summary>
    public string? Destination { get; }

    /// <summary>The medium, <c>EMAIL</c> or <c>SMS</c>.</summary>
    public string? DeliveryMedium { get; }

    /// <summary>The attribute the code verifies, for example <c>email</c>.</summary>
    public string? AttributeName { get; }
}
