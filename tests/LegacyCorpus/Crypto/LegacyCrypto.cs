using System;
using System.Security.Cryptography;
using System.Text;
using System.Web.Security;

namespace LegacyCorpus.Crypto
{
    /// <summary>Hashing and encryption helpers of the .NET Framework era (CryptoServiceProvider classes).</summary>
    public static class LegacyHashing
    {
        public static string PasswordHashMd5(string password)
        {
            using (var md5 = new MD5CryptoServiceProvider()) // vuln:PK4001 MD5 for passwords
            {
                return Convert.ToBase64String(md5.ComputeHash(Encoding.UTF8.GetBytes(password)));
            }
        }

        public static string PasswordHashConfig(string password)
        {
            return FormsAuthentication.HashPasswordForStoringInConfigFile(password, "SHA1"); // vuln:PK4001 SHA-1 via FormsAuthentication
        }

        public static byte[] Fingerprint(byte[] data)
        {
            using (var sha1 = new SHA1Managed()) // vuln:PK4001 SHA-1
            {
                return sha1.ComputeHash(data);
            }
        }

        public static byte[] FingerprintByName(byte[] data)
        {
            using (var hash = HashAlgorithm.Create("MD5")) // vuln:PK4001 MD5 by name
            {
                return hash.ComputeHash(data);
            }
        }

        public static byte[] Signature(byte[] key, byte[] data)
        {
            using (var hmac = new HMACSHA1(key)) // vuln:PK4001 HMAC-SHA1 below the SHA-256 minimum
            {
                return hmac.ComputeHash(data);
            }
        }

        public static byte[] Pbkdf2Weak(string password, byte[] salt)
        {
            using (var kdf = new Rfc2898DeriveBytes(password, salt, 1000)) // vuln:PK4001 1,000 PBKDF2-HMAC-SHA1 iterations
            {
                return kdf.GetBytes(32);
            }
        }

        public static byte[] Digest(byte[] data)
        {
            using (var sha = new SHA256CryptoServiceProvider()) // safe:PK4001 SHA-256
            {
                return sha.ComputeHash(data);
            }
        }

        public static byte[] DigestManaged(byte[] data)
        {
            using (var sha = new SHA512Managed()) // safe:PK4001 SHA-512
            {
                return sha.ComputeHash(data);
            }
        }

        public static byte[] SignatureSha256(byte[] key, byte[] data)
        {
            using (var hmac = new HMACSHA256(key)) // safe:PK4001 HMAC-SHA256
            {
                return hmac.ComputeHash(data);
            }
        }

        public static byte[] Pbkdf2Strong(string password, byte[] salt)
        {
            using (var kdf = new Rfc2898DeriveBytes(password, salt, 600000, HashAlgorithmName.SHA256)) // safe:PK4001 600,000 SHA-256 iterations
            {
                return kdf.GetBytes(32);
            }
        }

        public static byte[] DigestByName(byte[] data)
        {
            using (var hash = HashAlgorithm.Create("SHA256")) // safe:PK4001 SHA-256 by name
            {
                return hash.ComputeHash(data);
            }
        }

        public static string DocumentDigest(string document)
        {
            using (var sha = SHA384.Create()) // safe:PK4001 SHA-384 of a document
            {
                return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(document)));
            }
        }
    }

    /// <summary>Symmetric and RSA helpers.</summary>
    public static class LegacyEncryption
    {
        public static ICryptoTransform Des(byte[] key, byte[] iv)
        {
            var des = new DESCryptoServiceProvider(); // vuln:PK4002 DES
            return des.CreateEncryptor(key, iv);
        }

        public static ICryptoTransform TripleDes(byte[] key, byte[] iv)
        {
            var tdes = new TripleDESCryptoServiceProvider(); // vuln:PK4002 3DES
            return tdes.CreateEncryptor(key, iv);
        }

        public static ICryptoTransform Rc2(byte[] key, byte[] iv)
        {
            var rc2 = new RC2CryptoServiceProvider(); // vuln:PK4002 RC2
            return rc2.CreateEncryptor(key, iv);
        }

        public static ICryptoTransform RijndaelEcb(byte[] key)
        {
            var rijndael = new RijndaelManaged();
            rijndael.Mode = CipherMode.ECB; // vuln:PK4002 ECB mode
            return rijndael.CreateEncryptor(key, null);
        }

        public static RSACryptoServiceProvider ShortRsa()
        {
            return new RSACryptoServiceProvider(1024); // vuln:PK4002 1024-bit RSA
        }

        public static ICryptoTransform AesEcb(byte[] key)
        {
            var aes = new AesCryptoServiceProvider { Mode = CipherMode.ECB }; // vuln:PK4002 AES in ECB mode
            return aes.CreateEncryptor(key, null);
        }

        public static ICryptoTransform AesCbc(byte[] key, byte[] iv)
        {
            var aes = new AesCryptoServiceProvider { Mode = CipherMode.CBC }; // safe:PK4002 AES-CBC
            return aes.CreateEncryptor(key, iv);
        }

        public static ICryptoTransform AesManagedDefault(byte[] key, byte[] iv)
        {
            var aes = new AesManaged(); // safe:PK4002 AES, CBC by default
            return aes.CreateEncryptor(key, iv);
        }

        public static ICryptoTransform RijndaelCbc(byte[] key, byte[] iv)
        {
            var rijndael = new RijndaelManaged();
            rijndael.Mode = CipherMode.CBC; // safe:PK4002 CBC mode
            return rijndael.CreateEncryptor(key, iv);
        }

        public static RSACryptoServiceProvider LongRsa()
        {
            return new RSACryptoServiceProvider(3072); // safe:PK4002 3072-bit RSA
        }

        public static Aes AesCreate()
        {
            return Aes.Create(); // safe:PK4002 AES
        }

        public static RSA RsaCreate()
        {
            return RSA.Create(2048); // safe:PK4002 2048-bit RSA
        }
    }
}
