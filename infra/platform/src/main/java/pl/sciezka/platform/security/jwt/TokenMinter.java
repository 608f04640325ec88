package pl.sciezka.platform.security.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import pl.sciezka.api.Role;

/**
 * Signs bearer tokens for local use and tests, the way an identity provider would: RS256, the user
 * id in {@code sub}, the role in {@code roles}. {@code infra/tools/mint-token anna CASEWORKER} keeps
 * its key pair under {@code ./data/jwt/}; start the application with
 * {@code --spring.security.oauth2.resourceserver.jwt.public-key-location=file:data/jwt/public.pem}.
 */
public final class TokenMinter {

    public static final String ISSUER = "sciezka-local";

    private TokenMinter() {
    }

    public static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make RSA keys", e);
        }
    }

    /** The X.509 {@code PUBLIC KEY} PEM that Spring Boot's {@code public-key-location} reads. */
    public static String publicKeyPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    public static String mint(PrivateKey key, String userId, Role role, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userId)
                .claim("roles", List.of(role.name()))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the token", e);
        }
        return token.serialize();
    }

    /** {@code mint-token <user> <ROLE> [ttl, ISO-8601 e.g. PT8H]}: prints a token signed with ./data/jwt/private.pem. */
    public static void main(String[] arguments) throws IOException, GeneralSecurityException {
        if (arguments.length < 2 || !Role.isKnown(arguments[1])) {
            System.err.println("usage: mint-token <user-id> <role: " + List.of(Role.values()) + "> [ttl, e.g. PT8H]");
            System.exit(2);
        }
        Duration ttl = arguments.length > 2 ? Duration.parse(arguments[2]) : Duration.ofHours(8);
        Path directory = Path.of(System.getProperty("sciezka.jwt.dir", "data/jwt"));
        System.out.println(mint(localKey(directory), arguments[0], Role.valueOf(arguments[1]), ttl));
        System.err.println("verify with --spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                + directory.resolve("public.pem"));
    }

    /** The key pair kept in {@code directory}, made on first use so every token verifies with one public key. */
    private static PrivateKey localKey(Path directory) throws IOException, GeneralSecurityException {
        Path privateKey = directory.resolve("private.pem");
        if (!Files.exists(privateKey)) {
            KeyPair pair = newRsaKeyPair();
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("public.pem"), publicKeyPem(pair.getPublic()));
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            if (privateKey.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            }
        }
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(privateKey))));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
