namespace Exanubes.EncryptionSdk;

/// <summary>One frame (or the single block of a non-framed body): offsets into the message, all bounds-checked.</summary>
internal readonly record struct BodyPart(uint SequenceNumber, bool IsFinal, int IvOffset, int CiphertextOffset, int Length, int TagOffset);
