//! Validates vendor token formats: CRC32/base62-checksummed tokens (GitHub,
//! npm), bech32 age keys, and the prefix-plus-random SaaS tokens (Stripe,
//! Slack, GitLab, PyPI, OpenAI, Anthropic, and others).

use super::checksums::{bech32_data, crc32_b62_ok};
use super::encoding::b64_decode;
use super::generic::{has_placeholder_word, random_token, runs, Alpha};
use super::web::json_object;
use crate::detect::validate::common::entropy;

// ---------------------------------------------------------------------------
// SaaS tokens
// ---------------------------------------------------------------------------

/// Stripe `sk_`/`rk_`/`pk_` + `live_`/`test_` + random base62.
pub(super) fn stripe_key(v: &[u8]) -> bool {
    v.len() > 8 && random_token(&v[8..], Alpha::Mixed)
}

/// GitHub `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_` token: CRC32 checksum, and the
/// random part is not a run of one character.
pub(super) fn github_token(v: &[u8]) -> bool {
    v.len() == 40 && crc32_b62_ok(&v[4..]) && runs(&v[4..34]).0 < 5
}

/// GitHub fine-grained PAT `github_pat_` + 22 + `_` + 59.
pub(super) fn github_pat(v: &[u8]) -> bool {
    let Some(rest) = v.strip_prefix(b"github_pat_") else {
        return false;
    };
    let Some(us) = rest.iter().position(|&b| b == b'_') else {
        return false;
    };
    random_token(&rest[..us], Alpha::Mixed) && random_token(&rest[us + 1..], Alpha::Mixed)
}

/// npm `npm_` + 36 with the same CRC32 checksum as GitHub tokens.
pub(super) fn npm_token(v: &[u8]) -> bool {
    v.len() == 40 && crc32_b62_ok(&v[4..]) && runs(&v[4..34]).0 < 5
}

/// Body after the first `-` (GitLab `glpat-...`) or after a fixed prefix.
fn after_dash(v: &[u8]) -> &[u8] {
    match v.iter().position(|&b| b == b'-') {
        Some(i) => &v[i + 1..],
        None => v,
    }
}

/// GitLab token (`glpat-` etc., or runner registration `GR1348941`): the
/// random part (before any routing suffix `.01.xxxx`) looks random.
pub(super) fn gitlab_token(v: &[u8]) -> bool {
    let body = if let Some(b) = v.strip_prefix(b"GR1348941") {
        b
    } else {
        after_dash(v)
    };
    let body = match body.iter().position(|&b| b == b'.') {
        Some(i) => &body[..i],
        None => body,
    };
    random_token(body, Alpha::Mixed)
}

/// Slack `xox?-` tokens: numeric id segments not all one digit, the final
/// secret segment random; `xapp-` app tokens: 64 hex.
pub(super) fn slack_token(v: &[u8]) -> bool {
    let last = v.rsplit(|&b| b == b'-').next().unwrap_or(&[][..]);
    let segs = v.split(|&b| b == b'-').count();
    for seg in v.split(|&b| b == b'-').skip(1).take(segs.saturating_sub(2)) {
        if seg.len() > 1 && seg.iter().all(u8::is_ascii_digit) && runs(seg).0 == seg.len() {
            return false;
        }
    }
    let alpha = if last.len() >= 32 && last.iter().all(u8::is_ascii_hexdigit) {
        Alpha::Hex
    } else {
        Alpha::Mixed
    };
    if v.starts_with(b"xoxe") && last.len() > 64 {
        return entropy(last) >= 4.3 && runs(last).0 < 5;
    }
    random_token(last, alpha)
}

/// Slack incoming webhook: team `T...` and bot `B...` ids not zero-filled,
/// a random 24-character secret.
pub(super) fn slack_webhook(v: &[u8]) -> bool {
    let mut it = v.rsplit(|&b| b == b'/');
    let (Some(secret), Some(b), Some(t)) = (it.next(), it.next(), it.next()) else {
        return false;
    };
    let id_ok = |id: &[u8]| {
        id.len() >= 3
            && runs(&id[1..]).0 < id.len() - 1
            && !id[1..].iter().all(|&c| c == b'0' || c == b'X')
    };
    id_ok(t) && id_ok(b) && random_token(secret, Alpha::Mixed)
}

/// PyPI macaroon `pypi-AgE...`: the whole token is base64url and the tail
/// after the fixed location header has entropy.
pub(super) fn pypi_token(v: &[u8]) -> bool {
    let Some(body) = v.strip_prefix(b"pypi-") else {
        return false;
    };
    let mut none = [0u8; 0];
    b64_decode(body, true, &mut none).is_some_and(|n| n >= 60)
        && body.len() > 20
        && entropy(&body[20..]) >= 4.0
        && runs(&body[20..]).0 < 6
}

/// Docker Hub `dckr_pat_` / `dckr_oat_` + random.
pub(super) fn dockerhub_token(v: &[u8]) -> bool {
    v.len() > 9 && random_token(&v[9..], Alpha::Mixed)
}

/// Azure storage account key: 88 base64 characters decoding to 64 random
/// Twilio `SK`/`AC` + 32 hex.
pub(super) fn twilio_sid(v: &[u8]) -> bool {
    v.len() == 34 && random_token(&v[2..], Alpha::Hex)
}

/// 32 random hex digits (Datadog API key, Twilio auth token).
pub(super) fn hex32_secret(v: &[u8]) -> bool {
    v.len() == 32 && v.iter().all(u8::is_ascii_hexdigit) && random_token(v, Alpha::Hex)
}

/// SendGrid `SG.<22>.<43>`.
pub(super) fn sendgrid_key(v: &[u8]) -> bool {
    let mut it = v.split(|&b| b == b'.');
    let (Some(_), Some(a), Some(b)) = (it.next(), it.next(), it.next()) else {
        return false;
    };
    random_token(a, Alpha::Mixed) && random_token(b, Alpha::Mixed)
}

/// Mailchimp `<32 hex>-us<N>`.
pub(super) fn mailchimp_key(v: &[u8]) -> bool {
    v.len() > 32 && random_token(&v[..32], Alpha::Hex)
}

/// Shopify `shpat_` etc. + 32 hex.
pub(super) fn shopify_token(v: &[u8]) -> bool {
    v.len() == 38 && random_token(&v[6..], Alpha::Hex)
}

/// Hugging Face `hf_` + 34 letters.
pub(super) fn huggingface_token(v: &[u8]) -> bool {
    v.len() == 37 && random_token(&v[3..], Alpha::Letters)
}

/// OpenAI key: the parts around the `T3BlbkFJ` marker look random; project
/// keys without the marker need 40+ random characters.
pub(super) fn openai_key(v: &[u8]) -> bool {
    let body = if let Some(r) = v
        .strip_prefix(b"sk-proj-")
        .or_else(|| v.strip_prefix(b"sk-admin-"))
        .or_else(|| v.strip_prefix(b"sk-svcacct-"))
    {
        r
    } else {
        v.get(3..).unwrap_or(&[][..])
    };
    match body.windows(8).position(|w| w == b"T3BlbkFJ") {
        Some(m) => {
            random_token(&body[..m], Alpha::Mixed) && random_token(&body[m + 8..], Alpha::Mixed)
        }
        None => body.len() >= 40 && random_token(body, Alpha::Mixed),
    }
}

/// Anthropic `sk-ant-api03-` / `sk-ant-admin01-` + random base64url.
pub(super) fn anthropic_key(v: &[u8]) -> bool {
    let Some(rest) = v.strip_prefix(b"sk-ant-") else {
        return false;
    };
    let Some(dash) = rest.iter().position(|&b| b == b'-') else {
        return false;
    };
    let body = &rest[dash + 1..];
    body.len() >= 80 && entropy(body) >= 4.6 && runs(body).0 < 5 && !has_placeholder_word(body)
}

// ---------------------------------------------------------------------------
// More SaaS tokens
// ---------------------------------------------------------------------------

/// DigitalOcean `dop_v1_` / `doo_v1_` / `dor_v1_` + 64 hex.
pub(super) fn digitalocean_token(v: &[u8]) -> bool {
    v.len() == 71 && random_token(&v[7..], Alpha::Hex)
}

/// HashiCorp Vault `hvs.` / `hvb.` / `hvr.` token: random base64url body
/// (an optional `.namespace` suffix is ignored).
pub(super) fn vault_token(v: &[u8]) -> bool {
    let body = v.get(4..).unwrap_or(&[][..]);
    let body = match body.iter().position(|&b| b == b'.') {
        Some(i) => &body[..i],
        None => body,
    };
    random_token(body, Alpha::Mixed)
}

/// Grafana: `glsa_` + 32 base62 + `_` + 8 hex (service account), or
/// `glc_` + base64 of a JSON object with a `"k"` key (Cloud access policy),
/// or a legacy API key: base64 of `{"k":"<secret>","n":"<name>","id":N}`
/// (the `n` and `id` keys tell it from other base64 JSON opening `{"k":`,
/// such as Power BI report links).
pub(super) fn grafana_token(v: &[u8]) -> bool {
    if v.starts_with(b"eyJrIjoi") {
        let mut buf = [0u8; 512];
        return match b64_decode(v, false, &mut buf) {
            Some(n) if n <= buf.len() => {
                let j = &buf[..n];
                json_object(j)
                    && j.windows(4).any(|w| w == b"\"n\":")
                    && j.windows(5).any(|w| w == b"\"id\":")
            }
            _ => false,
        };
    }
    if let Some(rest) = v.strip_prefix(b"glsa_") {
        return rest.len() == 41
            && random_token(&rest[..32], Alpha::Mixed)
            && rest[33..].iter().all(u8::is_ascii_hexdigit);
    }
    let Some(b64) = v.strip_prefix(b"glc_") else {
        return false;
    };
    let mut buf = [0u8; 512];
    match b64_decode(b64, false, &mut buf) {
        Some(n) if n <= buf.len() => {
            json_object(&buf[..n]) && buf[..n].windows(3).any(|w| w == b"\"k\"")
        }
        _ => false,
    }
}

/// Databricks `dapi` + 32 hex (optional `-N` suffix).
pub(super) fn databricks_token(v: &[u8]) -> bool {
    v.len() >= 36 && random_token(&v[4..36], Alpha::Hex)
}

/// Postman `PMAK-` + 24 hex + `-` + 34 hex.
pub(super) fn postman_key(v: &[u8]) -> bool {
    v.len() == 64 && random_token(&v[5..29], Alpha::Hex) && random_token(&v[30..], Alpha::Hex)
}

/// New Relic `NRAK-` + 27 upper-case alphanumerics (user key) or `NRII-` +
/// 32 (insert key).
pub(super) fn newrelic_key(v: &[u8]) -> bool {
    v.len() > 5 && random_token(&v[5..], Alpha::Alnum36)
}

/// Discord webhook: numeric id not a repeated digit, random token.
pub(super) fn discord_webhook(v: &[u8]) -> bool {
    let mut it = v.rsplit(|&b| b == b'/');
    let (Some(tok), Some(id)) = (it.next(), it.next()) else {
        return false;
    };
    id.len() >= 17
        && id.iter().all(u8::is_ascii_digit)
        && runs(id).0 < 5
        && random_token(tok, Alpha::Mixed)
}

/// Stripe webhook signing secret `whsec_` + random base62 (or hex).
pub(super) fn stripe_webhook_secret(v: &[u8]) -> bool {
    let body = v.get(6..).unwrap_or(&[][..]);
    let alpha = if body.iter().all(u8::is_ascii_hexdigit) {
        Alpha::Hex
    } else {
        Alpha::Mixed
    };
    random_token(body, alpha)
}

/// age X25519 identity `AGE-SECRET-KEY-1` + 58 bech32 characters: the
/// BIP-173 bech32 checksum over the human-readable part and data verifies.
pub(super) fn age_secret_key(v: &[u8]) -> bool {
    bech32_data(v).is_some_and(|data| runs(data).0 < 6)
}

#[cfg(test)]
mod tests {
    use super::super::cloud::{azure_sas, azure_storage_key};
    use super::*;
    use crate::detect::validate::Validator;

    fn check(name: &str, f: Validator, good: &[&str], bad: &[&str]) {
        for g in good {
            assert!(f(g.as_bytes()), "{name} should accept {g:?}");
        }
        for b in bad {
            assert!(!f(b.as_bytes()), "{name} should reject {b:?}");
        }
    }

    #[test]
    fn checksummed_tokens() {
        assert!(crc32_b62_ok(b"M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V4"));
        check(
            "github_token",
            github_token,
            &[
                "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",
                "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",
                "ghs_mxgJTeKdNnFRIBXuDL7DxtpYlSXpfK0IYYek",
                "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",
            ],
            &[
                "ghp_i0B3JrTAwR4y9ojfljoQoaF1Llqsaj30vnMA",
                "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",
                "ghp_abcdefghijklmnopqrstuvwxyzABCD012345",
                "gho_16C7e42F292c6912E7710c838347Ae178B4a",
                "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8024xX",
            ],
        );
        check(
            "github_pat",
            github_pat,
            &["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"],
            &["github_pat_11AAAAAAAAAAAAAAAAAAAAAA_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "github_pat_"],
        );
        check(
            "npm_token",
            npm_token,
            &[
                "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",
                "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",
            ],
            &[
                "npm_uvSwMFLZDe1f8rESQedUStPKR0CsTy1Op3X3",
                "npm_TCllNwh2WLQlMWVhybM1iQrsTj6rMQ0BOh6d",
                "npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ],
        );
        check(
            "age_secret_key",
            age_secret_key,
            &["AGE-SECRET-KEY-1GP04PDLWRG7VDCZS4MWRFKKRJTD6ZY6G3PY0XFJ02UPQLQMWLAFS2WM5Y7"],
            &[
                "AGE-SECRET-KEY-1GP04PDLWRG7VDCZS4MWRFKKRJTD6ZY6G3PY0XFJ02UPQLQMWLAFS2WM5YQ",
                "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ",
                "AGE-SECRET-KEY-1",
                "AGE-SECRET-KEY-1GP04PDLWRG7VDCZS4MWRFKKRJTD6ZY6G3PY0XFJ02UPQLQMWLAFS2WM5YB",
            ],
        );
    }

    #[test]
    fn saas_tokens() {
        check(
            "stripe_key",
            stripe_key,
            &[
                "sk_live_bvJDCTbyvHNsG9eh6Yo4gfqr",
                "rk_live_c5XlrWi0B26R08qzjI6GKFSu",
            ],
            &[
                "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
                "sk_live_yoursecretkeyhere12345678",
                "sk_live_abcdefghijklmnopqrstuvwxyz",
            ],
        );
        check(
            "gitlab_token",
            gitlab_token,
            &[
                "glpat-2rcDkdfrUnW5gcF-Ha6i",
                "GR1348941GMrb9h-ImB-LK777pzNk",
                "glpat-2rcDkdfrUnW5gcF-Ha6i.01.0j0bkc4hl",
            ],
            &["glpat-xxxxxxxxxxxxxxxxxxxx", "glpat-1234567890abcdefghij"],
        );
        check(
            "slack_token",
            slack_token,
            &["xoxb-704718746331-9128452984153-F54Fzbka8FRCztUjAwyuh1va", "xoxp-55613044516-69156404104-234685356068-621de49f145fda9988c79fc35526f7ea", "xapp-1-A21I9MPFLV9-1535493066683-c8a1f8b46287cced9041dff02cee737443e210471948d33296c87009e8a7f770"],
            &["xoxb-000000000000-0000000000000-F54Fzbka8FRCztUjAwyuh1va", "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "xoxb-704718746331-9128452984153-xxxxxxxxxxxxxxxxxxxxxxxx"],
        );
        check(
            "slack_webhook",
            slack_webhook,
            &["https://hooks.slack.com/services/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"],
            &[
                "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
                "https://hooks.slack.com/services/T0TDBM50F/BQO1XO5CV0X/abcdefghijklmnopqrstuvwx",
            ],
        );
        check(
            "pypi_token",
            pypi_token,
            &["pypi-AgEIcHlwaS5vcmcCIQEI05DnU8jxI4fUWKKVA6gCNfMSp0tAmxmUJNo7L8ZzWMgnNednyogqnOSwm_rIF6vm5IzJotZMMn6xNocUvdZwq-Edjh5DazvTI3l-jg57d-cks30_fyqKmdy8ASnXUneykH-qS9d3X21r__WtEy6jXKKlBwWcC6687v9Uz_sYgnt8weUkCDa3aqAgVhjcqF1XeceGjcXp"],
            &["pypi-AgEIcHlwaS5vcmcXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "pypi-AgEIcHlwaS5vcmcCIQEI05DnU8jxI4fUWKKVA6gCNfMSp0t", "pypi-AgEIcHlwaS5vcmcCIQEI05DnU8jxI4fUWKKVA6gCNfMSp0tAmxmUJNo7L8ZzWMgnNednyogqnOSwm_rIF6vm5IzJa"],
        );
        check(
            "dockerhub_token",
            dockerhub_token,
            &["dckr_pat_idDn87XG3_q_xbMtEPO6UkzYuF0"],
            &[
                "dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "dckr_pat_1234567890abcdefghijklmnopq",
            ],
        );
        check(
            "azure_storage_key",
            azure_storage_key,
            &["rDy/idjGqsIfx9dLS0eRRF9BvEIycD8vPjwnSOLolDBTEGVA/j6Bhjumzhmndv0JGgF54tE713LqXwrgSzseDA==", "AccountKey=rDy/idjGqsIfx9dLS0eRRF9BvEIycD8vPjwnSOLolDBTEGVA/j6Bhjumzhmndv0JGgF54tE713LqXwrgSzseDA=="],
            &["VGhlIHF1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVyIHRoZSBsYXp5IGRvZywgYWdhaW4gYW5kIGFnYWluISEhIQ==", "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX==", "rDy/idjGqsIfx9dLS0eRRF9BvEIycD8vPjwnSOLolDBTEGVA/j6Bhjumzhmndv0JGgF54tE713LqXwrgSzse=="],
        );
        check(
            "azure_sas",
            azure_sas,
            &["sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-12-31T23:59:59Z&spr=https&sig=EKYIe42LUyn6beIa%2FBJDnxU1GGt%2F%2FbX4ciw7Imp1nuQ%3D", "sv=2021-08-06&sig=EKYIe42LUyn6beIa/BJDnxU1GGt//bX4ciw7Imp1nuQ="],
            &["sv=2022-11-02&sig=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX%3D", "sv=2022-11-02&sig=VGhlIHF1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVyIHRoZSBsYXp5IGRvZw%3D%3D", "sv=2022-11-02&sig=EKYIe42LUyn6beIa%2ZBJDnxU1GGt%2F%2FbX4ciw7Imp1nuQ%3D"],
        );
        check(
            "twilio_sid",
            twilio_sid,
            &[
                "SK662b5e803b61ba4168160adb59261ff2",
                "ACd3c425c8d99d19bdd0b6cc60d5d32cbe",
            ],
            &[
                "SK00000000000000000000000000000000",
                "AC1234567890abcdef1234567890abcdef",
            ],
        );
        check(
            "hex32_secret",
            hex32_secret,
            &[
                "54014c2b54b95523cf6941fa1c257c6f",
                "c57513064d6d59291f0cde2e5738713a",
            ],
            &[
                "00000000000000000000000000000000",
                "0123456789abcdef0123456789abcdef",
                "54014c2b54b95523cf6941fa1c257c6",
            ],
        );
        check(
            "sendgrid_key",
            sendgrid_key,
            &["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"],
            &[
                "SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "SG.ABCDEFGHIJKLMNOPQRSTUV.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
                "SG.only",
            ],
        );
        check(
            "mailchimp_key",
            mailchimp_key,
            &["85a8e48f687ab165c58ac5831be38cb8-us14"],
            &["00000000000000000000000000000000-us1"],
        );
        check(
            "shopify_token",
            shopify_token,
            &[
                "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",
                "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",
            ],
            &[
                "shpat_00000000000000000000000000000000",
                "shpat_0123456789abcdef0123456789abcdef",
            ],
        );
        check(
            "huggingface_token",
            huggingface_token,
            &[
                "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",
                "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",
            ],
            &[
                "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "hf_abcdefghijklmnopqrstuvwxyzABCDEFGH",
                "hf_YourHuggingFaceTokenGoesHereNowOkX",
            ],
        );
        check(
            "openai_key",
            openai_key,
            &["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", "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"],
            &["sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "sk-xxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxx", "sk-proj-your-openai-api-key-goes-here-please-replace"],
        );
        check(
            "anthropic_key",
            anthropic_key,
            &["sk-ant-api03-1FZuG296c0xPbX-neGBuzSm6A8cVR06AxYpThGJWZhbj11THnCMZCY7Bvqiy8CsT07Lq8TDIWG2x9aJTFMP9-2kUtMXhkAA"],
            &["sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "sk-ant-api03-short"],
        );
        check(
            "digitalocean_token",
            digitalocean_token,
            &["dop_v1_eee65f53e9421ce50211670eae679f02e8d28a79023c39c200661fccd268a29a"],
            &["dop_v1_0000000000000000000000000000000000000000000000000000000000000000"],
        );
        check("vault_token", vault_token, &["hvs.CAESIb0prFmbh7_wy5yq1XoY1BaIMcAxYmfsB4HbQLXjjlAFbVV6q9rXxtNDFyuzX9k1gnneGEYG1_LwiqD9jJBAciI"], &["hvs.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "hvs."]);
        check(
            "grafana_token",
            grafana_token,
            &["glsa_ACpdclsxHKifxi5CvQUSHL8iLc7bE6wS_9102f29a", "glc_eyJvIjogIjgxMjM0NSIsICJuIjogInN0YWNrLTgxMjM0NS1obS1yZWFkLWNpIiwgImsiOiAiaWVlQ0l4VmM1N1ZWVGlZOTZ2d2ZSRTVlIiwgIm0iOiB7InIiOiAicHJvZC1ldS13ZXN0LTIifX0="],
            &["glsa_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_xxxxxxxx", "glc_VGhlIHF1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVyIHRoZSBsYXp5IGRvZw=="],
        );
        check(
            "databricks_token",
            databricks_token,
            &[
                "dapid0f0cc022238daceee2092f073ff80b9",
                "dapid0f0cc022238daceee2092f073ff80b9-2",
            ],
            &["dapi00000000000000000000000000000000", "dapi1"],
        );
        check(
            "postman_key",
            postman_key,
            &["PMAK-465aef7ac86d66c7a644fb12-853ef86dcfaea21818b904ce6087413e3b"],
            &["PMAK-000000000000000000000000-0000000000000000000000000000000000"],
        );
        check(
            "newrelic_key",
            newrelic_key,
            &["NRAK-EMM4QLA48CLORW876KZOF0YI23M"],
            &[
                "NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX",
                "NRAK-ABCDEFGHIJKLMNOPQRSTUVWXYZ0",
            ],
        );
        check(
            "discord_webhook",
            discord_webhook,
            &["https://discord.com/api/webhooks/0689857531133614854/cSke4R1J_dBi2ewQr8t4-lC4LvGNWAMsI-z0oaWdfZp_lvi60ZIF8-qR38Ony1dHqcey"],
            &["https://discord.com/api/webhooks/000000000000000000/cSke4R1J_dBi2ewQr8t4-lC4LvGNWAMsI-z0oaWdfZp_lvi60ZIF8-qR38Ony1dHqcey", "https://discord.com/api/webhooks/06898575311336_4854/cSke4R1J_dBi2ewQr8t4-lC4LvGNWAMsI-z0oaWdfZp_lvi60ZIF8-qR38Ony1dHqcey"],
        );
        check(
            "stripe_webhook_secret",
            stripe_webhook_secret,
            &["whsec_joaRsuUwpNFgFULh2GNqTmSH4BbyOA0H"],
            &[
                "whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "whsec_yourwebhooksigningsecrethere12",
            ],
        );
    }
}
