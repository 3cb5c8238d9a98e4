//! Validators for credentials: entropy and character-class floors for tokens
//! without a checksum, the CRC32 checksum of GitHub and npm tokens, JWT
//! structure (base64url JSON header with `alg`, JSON payload), HTTP Basic
//! credentials that decode to `user:password`, private-key blocks whose body
//! decodes to the right structure (DER `SEQUENCE` with a consistent length,
//! the `openssh-key-v1` magic, an OpenPGP secret-key packet with its CRC-24
//! armor checksum, PuTTY line counts and public blob), and placeholder
//! rejection for generic `password = "..."` assignments and URL passwords.
//!
//! Everything works on the matched bytes with stack buffers only: no
//! allocation, no panics on any input.

mod checksums;
mod cloud;
mod encoding;
mod generic;
mod keys;
mod tokens;
mod web;

use super::Validator;
use cloud::{
    aws_access_key_id, aws_secret, azure_sas, azure_storage_key, gcp_api_key, gcp_sa_key_id,
    google_oauth_secret,
};
use generic::secret_generic;
use keys::{openssh_private_key, pgp_private_key, pkcs_private_key, putty_private_key};
use tokens::{
    age_secret_key, anthropic_key, databricks_token, digitalocean_token, discord_webhook,
    dockerhub_token, github_pat, github_token, gitlab_token, grafana_token, hex32_secret,
    huggingface_token, mailchimp_key, newrelic_key, npm_token, openai_key, postman_key, pypi_token,
    sendgrid_key, shopify_token, slack_token, slack_webhook, stripe_key, stripe_webhook_secret,
    twilio_sid, vault_token,
};
use web::{http_basic_auth, http_cookie, jwt, url_password};

/// Resolve a validator of this file by name.
pub fn lookup(name: &str) -> Option<Validator> {
    let f: Validator = match name {
        "aws_secret" => aws_secret,
        "aws_access_key_id" => aws_access_key_id,
        "gcp_api_key" => gcp_api_key,
        "google_oauth_secret" => google_oauth_secret,
        "gcp_sa_key_id" => gcp_sa_key_id,
        "http_basic_auth" => http_basic_auth,
        "http_cookie" => http_cookie,
        "jwt" => jwt,
        "pkcs_private_key" => pkcs_private_key,
        "openssh_private_key" => openssh_private_key,
        "pgp_private_key" => pgp_private_key,
        "putty_private_key" => putty_private_key,
        "stripe_key" => stripe_key,
        "github_token" => github_token,
        "github_pat" => github_pat,
        "npm_token" => npm_token,
        "gitlab_token" => gitlab_token,
        "slack_token" => slack_token,
        "slack_webhook" => slack_webhook,
        "pypi_token" => pypi_token,
        "dockerhub_token" => dockerhub_token,
        "azure_storage_key" => azure_storage_key,
        "azure_sas" => azure_sas,
        "twilio_sid" => twilio_sid,
        "hex32_secret" => hex32_secret,
        "sendgrid_key" => sendgrid_key,
        "mailchimp_key" => mailchimp_key,
        "shopify_token" => shopify_token,
        "huggingface_token" => huggingface_token,
        "openai_key" => openai_key,
        "anthropic_key" => anthropic_key,
        "secret_generic" => secret_generic,
        "url_password" => url_password,
        "digitalocean_token" => digitalocean_token,
        "vault_token" => vault_token,
        "grafana_token" => grafana_token,
        "databricks_token" => databricks_token,
        "postman_key" => postman_key,
        "newrelic_key" => newrelic_key,
        "discord_webhook" => discord_webhook,
        "stripe_webhook_secret" => stripe_webhook_secret,
        "age_secret_key" => age_secret_key,
        _ => return None,
    };
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pattern of these two files is triggered by a keyword or a
    /// literal prefix: none falls into the shared scan regex.
    #[test]
    fn no_scan_patterns() {
        let mut defs = crate::detect::catalog::parse_file(
            "credentials.toml",
            include_str!("../../../../detectors/credentials.toml"),
        )
        .unwrap();
        defs.extend(
            crate::detect::catalog::parse_file(
                "secrets.toml",
                include_str!("../../../../detectors/secrets.toml"),
            )
            .unwrap(),
        );
        let n = defs.len();
        let engine =
            crate::detect::Engine::new(defs, &vec![false; n], crate::detect::AllowList::default())
                .unwrap();
        assert_eq!(
            engine.trigger_counts().3,
            0,
            "{:?}",
            engine.scan_triggered()
        );
    }

    #[test]
    fn no_panics_on_junk() {
        let junk: [&[u8]; 8] = [
            b"",
            b"-",
            b"-----",
            b"-----BEGIN -----",
            b"\\",
            b"=",
            b"PuTTY-User-Key-File-2:",
            b"a.b.c",
        ];
        for name in [
            "aws_secret",
            "aws_access_key_id",
            "gcp_api_key",
            "google_oauth_secret",
            "gcp_sa_key_id",
            "http_basic_auth",
            "http_cookie",
            "jwt",
            "pkcs_private_key",
            "openssh_private_key",
            "pgp_private_key",
            "putty_private_key",
            "stripe_key",
            "github_token",
            "github_pat",
            "npm_token",
            "gitlab_token",
            "slack_token",
            "slack_webhook",
            "pypi_token",
            "dockerhub_token",
            "azure_storage_key",
            "azure_sas",
            "twilio_sid",
            "hex32_secret",
            "sendgrid_key",
            "mailchimp_key",
            "shopify_token",
            "huggingface_token",
            "openai_key",
            "anthropic_key",
            "secret_generic",
            "url_password",
            "digitalocean_token",
            "vault_token",
            "grafana_token",
            "databricks_token",
            "postman_key",
            "newrelic_key",
            "discord_webhook",
            "stripe_webhook_secret",
            "age_secret_key",
        ] {
            let f = lookup(name).expect(name);
            for j in junk {
                let _ = f(j);
            }
            let mut big = vec![b'A'; 5000];
            big.extend_from_slice(b"-----BEGIN X-----");
            let _ = f(&big);
        }
    }
}
