using System.Security.Cryptography;

namespace MxPortal.Infrastructure.Sync;

/// <summary>The publisher's key pair in memory, with its id and its public half as PEM for clients.</summary>
public sealed record SigningKey(string KeyId, ECDsa Key, string PublicKeyPem);
