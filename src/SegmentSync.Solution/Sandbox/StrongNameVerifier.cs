using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace SegmentSync.Solution.Sandbox;

/// <summary>
/// Verifies an assembly's strong-name signature (the RSA signature over the file's hash that .NET Framework checks
/// before it loads a strong-named assembly): the hash covers the headers, without the checksum and the certificate
/// directory entry, and every section without the signature blob itself.
/// </summary>
public static class StrongNameVerifier
{
    /// <summary>Null when the signature verifies with the assembly's own public key; otherwise why not.</summary>
    public static string? Verify(byte[] image, byte[] publicKey)
    {
        if (publicKey.Length < 12 + 20) return "the assembly has no public key";
        using var pe = new PEReader(ImmutableArray.Create(image));
        var headers = pe.PEHeaders;
        var cor = headers.CorHeader;
        if (cor is null) return "the file has no CLI header";
        var directory = cor.StrongNameSignatureDirectory;
        if (directory.Size == 0 || !headers.TryGetDirectoryOffset(directory, out var signatureOffset)) return "the file has no strong-name signature blob (delay-signed or not signed)";

        var hashAlgorithm = BinaryPrimitives.ReadUInt32LittleEndian(publicKey.AsSpan(4)) switch
        {
            0x8004 => HashAlgorithmName.SHA1,
            0x800C => HashAlgorithmName.SHA256,
            0x800D => HashAlgorithmName.SHA384,
            0x800E => HashAlgorithmName.SHA512,
            var other => default(HashAlgorithmName?) ?? throw new SolutionException($"Unknown strong-name hash algorithm 0x{other:X}."),
        };

        var copy = (byte[])image.Clone();
        var peHeaderStart = headers.PEHeaderStartOffset;
        copy.AsSpan(peHeaderStart + 64, 4).Clear(); // CheckSum
        var certificateEntry = peHeaderStart + (headers.PEHeader!.Magic == PEMagic.PE32Plus ? 144 : 128);
        copy.AsSpan(certificateEntry, 8).Clear(); // Certificate Table directory entry
        var sectionTableEnd = headers.CoffHeaderStartOffset + 20 + headers.CoffHeader.SizeOfOptionalHeader + 40 * headers.CoffHeader.NumberOfSections;

        using var hash = IncrementalHash.CreateHash(hashAlgorithm);
        hash.AppendData(copy, 0, sectionTableEnd);
        foreach (var section in headers.SectionHeaders)
        {
            var start = section.PointerToRawData;
            var end = start + section.SizeOfRawData;
            var signatureEnd = signatureOffset + directory.Size;
            if (signatureOffset >= start && signatureEnd <= end)
            {
                hash.AppendData(copy, start, signatureOffset - start);
                hash.AppendData(copy, signatureEnd, end - signatureEnd);
            }
            else
            {
                hash.AppendData(copy, start, section.SizeOfRawData);
            }
        }

        var digest = hash.GetHashAndReset();
        var signature = image.AsSpan(signatureOffset, directory.Size).ToArray();
        Array.Reverse(signature);
        using var rsa = RSA.Create();
        rsa.ImportParameters(RsaParameters(publicKey));
        return rsa.VerifyHash(digest, signature, hashAlgorithm, RSASignaturePadding.Pkcs1) ? null : "the strong-name signature does not match the file";
    }

    /// <summary>The RSA key of a strong-name public key blob (12-byte header, PUBLICKEYBLOB, RSAPUBKEY, modulus).</summary>
    private static RSAParameters RsaParameters(byte[] publicKey)
    {
        var blob = publicKey.AsSpan(12);
        if (blob[0] != 0x06 || !blob.Slice(8, 4).SequenceEqual("RSA1"u8)) throw new SolutionException("The assembly's public key is not an RSA public key blob.");
        var bitLength = BinaryPrimitives.ReadInt32LittleEndian(blob.Slice(12));
        var exponent = BinaryPrimitives.ReadUInt32LittleEndian(blob.Slice(16));
        var modulus = blob.Slice(20, bitLength / 8).ToArray();
        Array.Reverse(modulus);
        var exponentBytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(exponentBytes, exponent);
        return new RSAParameters { Modulus = modulus, Exponent = exponentBytes.SkipWhile(b => b == 0).ToArray() };
    }
}
