//! Look-alikes of credentials that no detector may report: placeholders
//! and templates, documentation example values, tokens with a broken
//! checksum, truncated tokens, hashes, UUIDs, base64 of prose, and
//! random-looking identifiers under non-secret names.

use super::super::gen::*;
use super::util::*;

fn uuid(r: &mut Rng) -> String {
    format!(
        "{}-{}-4{}-{}{}-{}",
        hex(r, 8),
        hex(r, 4),
        hex(r, 3),
        r.pick(&["8", "9", "a", "b"]),
        hex(r, 3),
        hex(r, 12)
    )
}

/// Placeholders and templates in the places secrets are assigned.
fn placeholders(r: &mut Rng) -> Vec<String> {
    let ph = *r.pick(&[
        "changeme",
        "<your-token>",
        "${API_TOKEN}",
        "{{ secret }}",
        "********",
        "REDACTED",
        "xxxxxxxxxxxxxxxx",
        "{{ .Values.db.password }}",
        "%(DB_PASSWORD)s",
        "$(cat /run/secrets/db_password)",
        "<YOUR_API_KEY_HERE>",
        "[REDACTED]",
    ]);
    let name = *r.pick(&[
        "password",
        "DB_PASSWORD",
        "api_key",
        "SECRET_KEY",
        "client_secret",
        "auth_token",
    ]);
    vec![
        assign(r, name, ph),
        format!("token = os.environ[\"API_TOKEN\"]"),
        format!("password: \"{}\"", "*".repeat(8 + r.below(8) as usize)),
        "api_key = settings.PAYMENT_API_KEY".to_string(),
        "Authorization: Basic <base64(user:pass)>".to_string(),
        "Authorization: Basic ${BASIC_AUTH_CREDENTIALS}".to_string(),
        "Cookie: session=${SESSION_COOKIE}".to_string(),
        "Set-Cookie: <cookie-name>=<cookie-value>".to_string(),
        "postgres://user:password@localhost:5432/db".to_string(),
        "git clone https://oauth2:${GITLAB_TOKEN}@gitlab.corp.internal/infra/tf.git".to_string(),
        "DATABASE_URL=postgresql://app:****@db.internal/app".to_string(),
        "mongodb://myUser:myPassword@localhost:27017/".to_string(),
        "-----BEGIN OPENSSH PRIVATE KEY-----\n...\n-----END OPENSSH PRIVATE KEY-----".to_string(),
        "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n[paste your exported key here]\n-----END PGP PRIVATE KEY BLOCK-----".to_string(),
        "-----BEGIN PRIVATE KEY-----\n<contents of key.pem>\n-----END PRIVATE KEY-----".to_string(),
        "PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: rsa-key-20240311\nPublic-Lines: 6\n...".to_string(),
    ]
}

/// Prefixed tokens filled with placeholders, truncated, or from the docs.
fn fake_tokens(r: &mut Rng) -> Vec<String> {
    let x = |n: usize| "x".repeat(n);
    let xu = |n: usize| "X".repeat(n);
    let mut v = vec![
        format!("GOOGLE_API_KEY=AIzaSy{}", xu(33)),
        format!("google api key: AIzaSy{}", mixed(r, 28, B64URL)),
        "curl https://api.stripe.com/v1/charges -u sk_test_4eC39HqLyjWDarjtT1zdp7dc:".to_string(),
        "var stripe = Stripe('pk_test_TYooMQauvdEDq54NiTphI7jx');".to_string(),
        format!("STRIPE_SECRET_KEY=sk_live_{}", x(24)),
        format!("GITLAB_TOKEN=glpat-{}", x(20)),
        "PRIVATE-TOKEN: glpat-<your_access_token>".to_string(),
        format!("SLACK_BOT_TOKEN=xoxb-{}-{}-{}", xu(12), xu(13), xu(24)),
        "token = 'xoxp-your-token-here'".to_string(),
        "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX".to_string(),
        format!("GOOGLE_CLIENT_SECRET=GOCSPX-{}", x(28)),
        "{\"type\": \"service_account\", \"project_id\": \"demo\", \"private_key_id\": \"your-private-key-id\"}".to_string(),
        format!("NPM_TOKEN=npm_{}", x(36)),
        "TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc...".to_string(),
        "DOCKERHUB_TOKEN=dckr_pat_<personal-access-token>".to_string(),
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;".to_string(),
        "AccountName=prodlogs;AccountKey=<storage-account-key>;EndpointSuffix=core.windows.net".to_string(),
        "?sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-12-31&sig=<signature>".to_string(),
        format!("TWILIO_ACCOUNT_SID=AC{}", xu(32)),
        "TWILIO_AUTH_TOKEN=your_auth_token".to_string(),
        format!("SENDGRID_API_KEY=SG.{}.{}", x(22), x(43)),
        "MAILCHIMP_API_KEY=<api-key>-us6".to_string(),
        format!("SHOPIFY_ACCESS_TOKEN=shpat_{}", "0".repeat(32)),
        "DD_API_KEY=<DATADOG_API_KEY>".to_string(),
        format!("HF_TOKEN=hf_{}", x(34)),
        format!("OPENAI_API_KEY=sk-proj-{}", x(48)),
        "OPENAI_API_KEY=sk-...".to_string(),
        "ANTHROPIC_API_KEY=sk-ant-api03-...".to_string(),
        format!("DIGITALOCEAN_TOKEN=dop_v1_{}", "0".repeat(64)),
        "VAULT_TOKEN=hvs.<your-vault-token>".to_string(),
        format!("GRAFANA_TOKEN=glsa_{}_{}", x(32), x(8)),
        format!("DATABRICKS_TOKEN=dapi{}", x(32)),
        format!("POSTMAN_API_KEY=PMAK-{}-{}", x(24), x(34)),
        format!("NEW_RELIC_API_KEY=NRAK-{}", xu(27)),
        "https://discord.com/api/webhooks/{webhook.id}/{webhook.token}".to_string(),
        "STRIPE_WEBHOOK_SECRET=whsec_...".to_string(),
        "SOPS_AGE_KEY=AGE-SECRET-KEY-1...".to_string(),
        "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==".to_string(),
        "Cookie: name=value".to_string(),
    ];
    // Truncated tokens (copied short in a ticket).
    let gl = format!("glpat-{}", mixed(r, 14, B64URL));
    v.push(format!("the token starting {gl} was revoked"));
    let sl = format!("xoxb-{}-{}", r.digits(12), mixed(r, 8, B62));
    v.push(format!("rotated {sl}..."));
    v
}

/// Checksummed formats with the checksum broken.
fn broken_checksums(r: &mut Rng) -> Vec<String> {
    let mut v = Vec::new();
    let body = r.alnum(30, B62);
    v.push(format!(
        "NPM_TOKEN=npm_{body}{}",
        base62(
            crc32(body.as_bytes()).wrapping_add(1 + r.below(1000) as u32),
            6
        )
    ));
    let good = bech32("age-secret-key-", &bytes(r, 32)).to_ascii_uppercase();
    let last = good.as_bytes()[good.len() - 1];
    let swap = if last == b'Q' { 'P' } else { 'Q' };
    v.push(format!("SOPS_AGE_KEY={}{swap}", &good[..good.len() - 1]));
    // A PGP private key block whose armor checksum does not match.
    let data: Vec<u8> = {
        let mut d = vec![0xC5, 0x58, 0x04];
        d.extend(bytes(r, 0x57));
        d
    };
    let crc = crc24(&data) ^ 0x0101;
    let sum = b64(&[(crc >> 16) as u8, (crc >> 8) as u8, crc as u8]);
    v.push(format!(
        "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n{}\n={sum}\n-----END PGP PRIVATE KEY BLOCK-----",
        wrap(&b64(&data), 64, "\n")
    ));
    // A PuTTY key whose Public-Lines count is wrong.
    let mut blob = vec![0, 0, 0, 11];
    blob.extend(b"ssh-ed25519");
    blob.extend([0, 0, 0, 32]);
    blob.extend(bytes(r, 32));
    v.push(format!(
        "PuTTY-User-Key-File-2: ssh-ed25519\nEncryption: none\nComment: eddsa-key-20240311\nPublic-Lines: 3\n{}\nPrivate-Lines: 1\n{}\nPrivate-MAC: {}",
        wrap(&b64(&blob), 64, "\n"),
        b64(&bytes(r, 36)),
        hex(r, 40)
    ));
    v
}

/// Random-looking values that are not secrets.
fn identifiers(r: &mut Rng) -> Vec<String> {
    let prose = *r.pick(&[
        "The quick brown fox jumps over the lazy dog, again and again and again!!!",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor",
        "Meeting notes: discuss the roadmap, hiring plan and the office move on Monday.",
    ]);
    vec![
        format!("build_id = \"{}\"", hex(r, 32)),
        format!("commit: {}", hex(r, 40)),
        format!("ETag: \"{}\"", hex(r, 32)),
        format!("request_id={}", uuid(r)),
        format!("trace_id: {}", hex(r, 32)),
        format!("md5sum {}  backup.tar.gz", hex(r, 32)),
        format!("image: registry.corp.internal/api@sha256:{}", hex(r, 64)),
        format!("\"integrity\": \"sha512-{}\"", b64(&bytes(r, 64))),
        format!("correlation-id: {}", uuid(r)),
        format!("blob: {}", b64(prose.as_bytes())),
        format!("x-amz-request-id: {}", r.alnum(16, b"0123456789ABCDEF")),
        format!("session_count = {}", r.below(100000)),
        format!(
            "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----",
            b64(&bytes(r, 44))
        ),
        format!("ssh-ed25519 {} deploy@ci", b64(&bytes(r, 51))),
        format!("cache_key: v1-deps-{}", hex(r, 40)),
        // Power BI report links: base64 JSON opening {"k": like Grafana keys.
        format!(
            "https://app.powerbi.com/view?r={}&pageName=ReportSection",
            b64(format!(
                "{{\"k\":\"{}\",\"t\":\"{}\",\"c\":{}}}",
                uuid(r),
                uuid(r),
                1 + r.below(9)
            )
            .as_bytes())
        ),
    ]
}

pub fn decoys(r: &mut Rng) -> Vec<String> {
    let mut v = placeholders(r);
    v.extend(fake_tokens(r));
    v.extend(broken_checksums(r));
    v.extend(identifiers(r));
    v
}
