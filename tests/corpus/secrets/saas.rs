//! SaaS and cloud tokens with a literal prefix (and a checksum where the
//! format has one), plus the keyword-anchored hex keys (Datadog, Twilio,
//! Mailchimp) and Azure storage keys / SAS tokens.

use super::super::gen::*;
use super::util::*;

fn p(text: String, value: String, labels: &'static [&'static str]) -> Plant {
    plant(text, value, labels)
}

/// GitHub-style checksummed token: prefix + 30 base62 + base62(CRC32).
fn crc_token(r: &mut Rng, prefix: &str) -> String {
    let body = r.alnum(30, B62);
    format!("{prefix}{body}{}", base62(crc32(body.as_bytes()), 6))
}

fn gcp_api_key(r: &mut Rng) -> Plant {
    let key = format!("AIzaSy{}", mixed(r, 33, B64URL));
    let text = match r.below(4) {
        0 => assign(r, "GOOGLE_API_KEY", &key),
        1 => format!("<script src=\"https://maps.googleapis.com/maps/api/js?key={key}&callback=initMap\"></script>"),
        2 => format!("curl -H 'X-goog-api-key: {key}' https://translation.googleapis.com/language/translate/v2"),
        _ => format!("const firebaseConfig = {{\n  apiKey: \"{key}\",\n  authDomain: \"shop-{}.firebaseapp.com\",\n}};", r.digits(4)),
    };
    p(text, key, &["GCP_API_KEY"])
}

fn stripe(r: &mut Rng) -> Plant {
    let (pre, n) = *r.pick(&[
        ("sk_live_", 24),
        ("sk_live_51", 97),
        ("rk_live_51", 97),
        ("pk_live_51", 97),
        ("sk_test_51", 97),
        ("rk_live_", 24),
    ]);
    let key = format!("{pre}{}", mixed(r, n, B62));
    let text = match r.below(4) {
        0 => assign(r, "STRIPE_SECRET_KEY", &key),
        1 => format!("stripe.api_key = \"{key}\""),
        2 => format!("curl https://api.stripe.com/v1/charges -u {key}: -d amount=2000"),
        _ => format!("const stripe = require('stripe')('{key}');"),
    };
    p(text, key, &["STRIPE_CREDENTIALS"])
}

fn gitlab(r: &mut Rng) -> Plant {
    let tok = match r.below(4) {
        0 => format!("glpat-{}", mixed(r, 20, B64URL)),
        1 => format!(
            "glpat-{}.01.{}",
            mixed(r, 27, B64URL),
            r.alnum(9, b"0123456789abcdefghijklmnopqrstuvwxyz")
        ),
        2 => format!(
            "{}{}",
            r.pick(&["gldt-", "glrt-", "glcbt-", "glptt-", "glft-", "gloas-"]),
            mixed(r, 20, B64URL)
        ),
        _ => format!("GR1348941{}", mixed(r, 20, B64URL)),
    };
    let text = match r.below(3) {
        0 => assign(r, "GITLAB_TOKEN", &tok),
        1 => format!(
            "curl --header \"PRIVATE-TOKEN: {tok}\" https://gitlab.corp.internal/api/v4/projects"
        ),
        _ => format!("git clone https://oauth2:{tok}@gitlab.corp.internal/infra/terraform.git"),
    };
    // The clone URL carries the token as its password.
    p(text, tok, &["GITLAB_TOKEN", "PASSWORD_IN_URL"])
}

fn slack(r: &mut Rng) -> Plant {
    let tok = match r.below(4) {
        0 => format!(
            "xoxb-{}-{}-{}",
            1 + r.below(9),
            r.digits(11),
            mixed(r, 24, B62)
        )
        .replacen("xoxb-", "xoxb-", 1),
        1 => format!(
            "xoxp-{}{}-{}{}-{}{}-{}",
            1 + r.below(9),
            r.digits(10),
            1 + r.below(9),
            r.digits(10),
            1 + r.below(9),
            r.digits(11),
            hex(r, 32)
        ),
        2 => format!(
            "xapp-1-A{}-{}{}-{}",
            r.alnum(10, b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
            1 + r.below(9),
            r.digits(12),
            hex(r, 64)
        ),
        _ => format!("xoxe.xoxp-1-{}", mixed(r, 140, B62)),
    };
    let text = match r.below(3) {
        0 => assign(r, "SLACK_BOT_TOKEN", &tok),
        1 => format!(
            "curl -H \"Authorization: Bearer {tok}\" https://slack.com/api/chat.postMessage"
        ),
        _ => format!("client = WebClient(token=\"{tok}\")"),
    };
    p(text, tok, &["SLACK_TOKEN"])
}

fn slack_webhook(r: &mut Rng) -> Plant {
    const UP: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let (nt, nb) = (8 + r.below(3) as usize, 8 + r.below(3) as usize);
    let url = format!(
        "https://hooks.slack.com/services/T{}/B{}/{}",
        r.alnum(nt, UP),
        r.alnum(nb, UP),
        mixed(r, 24, B62)
    );
    let text = match r.below(3) {
        0 => assign(r, "SLACK_WEBHOOK_URL", &url),
        1 => format!("curl -X POST -H 'Content-type: application/json' --data '{{\"text\":\"build failed\"}}' {url}"),
        _ => format!("alertmanager:\n  receivers:\n    - slack_configs:\n        - api_url: '{url}'"),
    };
    p(text, url, &["SLACK_WEBHOOK_URL"])
}

fn google_oauth(r: &mut Rng) -> Plant {
    let s = format!("GOCSPX-{}", mixed(r, 28, B64URL));
    let text = if r.below(2) == 0 {
        format!(
            "{{\"web\": {{\"client_id\": \"{}-{}.apps.googleusercontent.com\", \"client_secret\": \"{s}\"}}}}",
            r.digits(12),
            r.alnum(32, b"0123456789abcdefghijklmnopqrstuvwxyz")
        )
    } else {
        assign(r, "GOOGLE_CLIENT_SECRET", &s)
    };
    p(text, s, &["GOOGLE_OAUTH_CLIENT_SECRET"])
}

fn npm(r: &mut Rng) -> Plant {
    let t = crc_token(r, "npm_");
    let text = match r.below(3) {
        0 => format!("//registry.npmjs.org/:_authToken={t}"),
        1 => assign(r, "NPM_TOKEN", &t),
        _ => format!("- run: npm publish\n  env:\n    NODE_AUTH_TOKEN: {t}"),
    };
    p(text, t, &["NPM_TOKEN"])
}

/// A PyPI macaroon (v2 binary format): location pypi.org, a UUID
/// identifier, a JSON caveat, a 32-byte signature; base64url.
fn pypi(r: &mut Rng) -> Plant {
    let test = r.below(4) == 0;
    let loc: &[u8] = if test { b"test.pypi.org" } else { b"pypi.org" };
    let mut m = vec![0x02, 0x01, loc.len() as u8];
    m.extend(loc);
    let uuid = format!(
        "{}-{}-4{}-a{}-{}",
        hex(r, 8),
        hex(r, 4),
        hex(r, 3),
        hex(r, 3),
        hex(r, 12)
    );
    m.extend([0x02, uuid.len() as u8]);
    m.extend(uuid.as_bytes());
    m.push(0x00);
    let cav = format!(
        "{{\"version\": 1, \"permissions\": {{\"projects\": [\"pkg{}\"]}}}}",
        r.digits(3)
    );
    m.extend([0x02, cav.len() as u8]);
    m.extend(cav.as_bytes());
    m.extend([0x00, 0x00, 0x06, 0x20]);
    m.extend(bytes(r, 32));
    let t = format!("pypi-{}", b64url(&m));
    let text = match r.below(3) {
        0 => format!("[pypi]\nusername = __token__\npassword = {t}"),
        1 => assign(r, "TWINE_PASSWORD", &t),
        _ => format!("uv publish --token {t}"),
    };
    p(text, t, &["PYPI_TOKEN"])
}

fn docker_hub(r: &mut Rng) -> Plant {
    let t = format!("dckr_{}_{}", r.pick(&["pat", "oat"]), mixed(r, 27, B64URL));
    let text = match r.below(3) {
        0 => format!("echo {t} | docker login -u ci-bot --password-stdin"),
        1 => assign(r, "DOCKERHUB_TOKEN", &t),
        _ => format!("{{\"auths\": {{\"https://index.docker.io/v1/\": {{\"username\": \"ci-bot\", \"password\": \"{t}\"}}}}}}"),
    };
    p(text, t, &["DOCKER_HUB_TOKEN"])
}

fn azure_key(r: &mut Rng) -> Plant {
    let k = b64(&bytes(r, 64));
    let acct = format!(
        "{}{}",
        r.pick(&["prodlogs", "backups", "mediastore"]),
        r.digits(2)
    );
    let text = match r.below(3) {
        0 => format!("AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName={acct};AccountKey={k};EndpointSuffix=core.windows.net"),
        1 => format!("az storage blob upload --account-name {acct} --account-key {k} -c exports -f report.csv"),
        _ => assign(r, "AZURE_STORAGE_KEY", &k),
    };
    p(text, k, &["AZURE_STORAGE_ACCOUNT_KEY"])
}

fn azure_sas(r: &mut Rng) -> Plant {
    let sig = urlenc(&b64(&bytes(r, 32)));
    let sas = format!(
        "sv=20{}-{:02}-{:02}&ss=b&srt=sco&sp=rwdlac&se=2026-{:02}-01T00:00:00Z&st=2025-01-01T00:00:00Z&spr=https&sig={sig}",
        21 + r.below(4),
        1 + r.below(12),
        1 + r.below(28),
        1 + r.below(12)
    );
    let text = if r.below(2) == 0 {
        format!("https://prodlogs.blob.core.windows.net/exports/report.csv?{sas}")
    } else {
        format!("BlobEndpoint=https://prodlogs.blob.core.windows.net/;SharedAccessSignature={sas}")
    };
    p(text, sas, &["AZURE_SAS_TOKEN"])
}

fn twilio(r: &mut Rng) -> Vec<Plant> {
    let sid = format!("AC{}", hex(r, 32));
    let tok = hex(r, 32);
    let sk = format!("SK{}", hex(r, 32));
    let text = match r.below(2) {
        0 => format!("TWILIO_ACCOUNT_SID={sid}\nTWILIO_AUTH_TOKEN={tok}"),
        _ => format!("twilio:\n  account_sid: {sid}\n  auth_token: {tok}"),
    };
    let a = text.find(&sid).unwrap();
    let b = text.find(&tok).unwrap() + 32;
    // One span: the SID and its auth token (the token is a hex secret the
    // generic assignment rule may also report).
    let both = plant(
        text.clone(),
        text[a..b].to_string(),
        &[
            "TWILIO_ACCOUNT_SID",
            "TWILIO_API_KEY",
            "GENERIC_SECRET_ASSIGNMENT",
        ],
    );
    let key_text = match r.below(2) {
        0 => assign(r, "TWILIO_API_KEY", &sk),
        _ => format!("client = Client('{sk}', api_secret, account_sid)"),
    };
    vec![both, p(key_text, sk, &["TWILIO_API_KEY"])]
}

fn sendgrid(r: &mut Rng) -> Plant {
    let k = format!("SG.{}.{}", mixed(r, 22, B64URL), mixed(r, 43, B64URL));
    let text = match r.below(3) {
        0 => assign(r, "SENDGRID_API_KEY", &k),
        1 => format!("sg = sendgrid.SendGridAPIClient('{k}')"),
        _ => format!("curl --request POST --url https://api.sendgrid.com/v3/mail/send --header 'Authorization: Bearer {k}'"),
    };
    p(text, k, &["SENDGRID_API_KEY"])
}

fn mailchimp(r: &mut Rng) -> Plant {
    let k = format!("{}-us{}", hex(r, 32), 1 + r.below(21));
    let text = match r.below(3) {
        0 => format!("MAILCHIMP_API_KEY={k}"),
        1 => format!("mailchimp:\n  api_key: {k}"),
        _ => format!("client = MailchimpMarketing.Client()  # mailchimp\nclient.set_config({{\"api_key\": \"{k}\"}})"),
    };
    p(text, k, &["MAILCHIMP_API_KEY"])
}

fn hex_prefixed(r: &mut Rng) -> Vec<Plant> {
    let shop = format!(
        "{}_{}",
        r.pick(&["shpat", "shpca", "shppa", "shpss"]),
        hex(r, 32)
    );
    let dd = hex(r, 32);
    let dd_text = match r.below(3) {
        0 => format!("DD_API_KEY={dd}"),
        1 => {
            format!("curl -X POST https://api.datadoghq.com/api/v1/series -H \"DD-API-KEY: {dd}\"")
        }
        _ => format!("datadog:\n  apiKey: {dd}\n  site: datadoghq.eu"),
    };
    let dop = format!("do{}_v1_{}", r.pick(&["p", "o", "r"]), hex(r, 64));
    let dapi = format!(
        "dapi{}{}",
        hex(r, 32),
        if r.below(3) == 0 { "-2" } else { "" }
    );
    let pmak = format!("PMAK-{}-{}", hex(r, 24), hex(r, 34));
    vec![
        p(
            match r.below(2) {
                0 => format!("X-Shopify-Access-Token: {shop}"),
                _ => assign(r, "SHOPIFY_ACCESS_TOKEN", &shop),
            },
            shop,
            &["SHOPIFY_TOKEN"],
        ),
        // An api_key assignment of a bare hex key is also what the generic
        // rule reports (its own examples include `api_key: <32 hex>`).
        p(dd_text, dd, &["DATADOG_API_KEY", "GENERIC_SECRET_ASSIGNMENT"]),
        p(
            match r.below(2) {
                0 => format!("doctl auth init --access-token {dop}"),
                _ => assign(r, "DIGITALOCEAN_TOKEN", &dop),
            },
            dop,
            &["DIGITALOCEAN_TOKEN"],
        ),
        p(
            match r.below(2) {
                0 => format!("[DEFAULT]\nhost = https://{}.cloud.databricks.com\ntoken = {dapi}", r.pick(&["acme-prod", "dbc-analytics", "ml-east"])),
                _ => format!("curl -H 'Authorization: Bearer {dapi}' https://{}.cloud.databricks.com/api/2.0/clusters/list", r.pick(&["acme-prod", "dbc-analytics", "ml-east"])),
            },
            dapi,
            &["DATABRICKS_TOKEN"],
        ),
        p(
            match r.below(2) {
                0 => format!("newman run collection.json --env-var apiKey={pmak}"),
                _ => assign(r, "POSTMAN_API_KEY", &pmak),
            },
            pmak,
            &["POSTMAN_API_KEY"],
        ),
    ]
}

fn ai_tokens(r: &mut Rng) -> Vec<Plant> {
    let hf = format!("hf_{}", mixed_letters(r, 34));
    let openai = match r.below(3) {
        0 => format!("sk-{}T3BlbkFJ{}", mixed(r, 20, B62), mixed(r, 20, B62)),
        1 => format!(
            "sk-{}-{}T3BlbkFJ{}",
            r.pick(&["proj", "svcacct", "admin"]),
            mixed(r, 74, B64URL),
            mixed(r, 74, B64URL)
        ),
        _ => format!(
            "sk-proj-{}T3BlbkFJ{}",
            mixed(r, 58, B64URL),
            mixed(r, 58, B64URL)
        ),
    };
    let ant = format!(
        "sk-ant-{}-{}AA",
        r.pick(&["api03", "admin01"]),
        mixed(r, 93, B64URL)
    );
    vec![
        p(
            match r.below(2) {
                0 => format!("huggingface-cli login --token {hf}"),
                _ => assign(r, "HF_TOKEN", &hf),
            },
            hf,
            &["HUGGINGFACE_TOKEN"],
        ),
        p(
            match r.below(2) {
                0 => format!("client = OpenAI(api_key=\"{openai}\")"),
                _ => assign(r, "OPENAI_API_KEY", &openai),
            },
            openai,
            &["OPENAI_API_KEY"],
        ),
        p(
            match r.below(2) {
                0 => format!("curl https://api.anthropic.com/v1/messages -H 'x-api-key: {ant}' -H 'anthropic-version: 2023-06-01'"),
                _ => assign(r, "ANTHROPIC_API_KEY", &ant),
            },
            ant,
            &["ANTHROPIC_API_KEY"],
        ),
    ]
}

fn mixed_letters(r: &mut Rng, n: usize) -> String {
    loop {
        let s = r.alnum(n, LETTERS);
        if s.bytes().any(|b| b.is_ascii_uppercase()) && s.bytes().any(|b| b.is_ascii_lowercase()) {
            return s;
        }
    }
}

fn misc(r: &mut Rng) -> Vec<Plant> {
    let vault = match r.below(2) {
        0 => format!("hvs.CAESI{}", mixed(r, 86, B64URL)),
        _ => format!("hvs.{}", mixed(r, 24, B62)),
    };
    let grafana = if r.below(4) == 0 {
        // Legacy API key (Grafana < 9): base64 of {"k":...,"n":...,"id":N}.
        let json = format!(
            "{{\"k\":\"{}\",\"n\":\"{}\",\"id\":{}}}",
            mixed(r, 32, B62),
            r.pick(&["ci-deploy", "admin", "terraform", "dash-export"]),
            1 + r.below(40)
        );
        b64(json.as_bytes())
    } else if r.below(3) == 0 {
        let json = format!(
            "{{\"o\":\"{}\",\"n\":\"stack-{}-hm-read-ci\",\"k\":\"{}\",\"m\":{{\"r\":\"prod-eu-west-2\"}}}}",
            r.digits(6),
            r.digits(6),
            mixed(r, 24, B62)
        );
        format!("glc_{}", b64(json.as_bytes()))
    } else {
        let s = mixed(r, 32, B62);
        let c = crc32(format!("glsa_{s}").as_bytes());
        format!("glsa_{s}_{c:08x}")
    };
    let nr = if r.below(3) == 0 {
        format!(
            "NRII-{}",
            r.alnum(32, b"abcdefghijklmnopqrstuvwxyz0123456789-")
        )
    } else {
        format!("NRAK-{}", mixed_upper(r, 27))
    };
    let nd = 17 + r.below(2) as usize;
    let discord = format!(
        "https://{}discord{}.com/api/webhooks/1{}/{}",
        r.pick(&["", "", "ptb.", "canary."]),
        r.pick(&["", "app"]),
        r.digits(nd),
        mixed(r, 68, B64URL)
    );
    let whsec = if r.below(2) == 0 {
        format!("whsec_{}", mixed(r, 32, B62))
    } else {
        format!("whsec_{}", hex(r, 64))
    };
    let age = bech32("age-secret-key-", &bytes(r, 32)).to_ascii_uppercase();
    vec![
        p(
            match r.below(3) {
                0 => format!("vault login {vault}"),
                1 => format!("{{\"auth\": {{\"client_token\": \"{vault}\", \"renewable\": true}}}}"),
                _ => assign(r, "VAULT_TOKEN", &vault),
            },
            vault,
            &["HASHICORP_VAULT_TOKEN"],
        ),
        p(
            match r.below(2) {
                0 => format!("curl -H 'Authorization: Bearer {grafana}' https://grafana.corp.internal/api/dashboards/uid/ops"),
                _ => assign(r, "GRAFANA_TOKEN", &grafana),
            },
            grafana,
            &["GRAFANA_TOKEN"],
        ),
        p(
            match r.below(2) {
                0 => format!("curl -X POST https://api.newrelic.com/graphql -H 'API-Key: {nr}'"),
                _ => assign(r, "NEW_RELIC_API_KEY", &nr),
            },
            nr,
            &["NEW_RELIC_API_KEY"],
        ),
        p(
            match r.below(2) {
                0 => format!("requests.post('{discord}', json={{'content': 'deploy done'}})"),
                _ => assign(r, "DISCORD_WEBHOOK", &discord),
            },
            discord,
            &["DISCORD_WEBHOOK_URL"],
        ),
        p(
            match r.below(2) {
                0 => format!("> Ready! Your webhook signing secret is {whsec} (^C to quit)"),
                _ => assign(r, "STRIPE_WEBHOOK_SECRET", &whsec),
            },
            whsec,
            &["STRIPE_WEBHOOK_SECRET"],
        ),
        p(
            match r.below(2) {
                0 => format!("# created: 2024-05-01T10:00:00Z\n# public key: {}\n{age}", bech32("age", &bytes(r, 32))),
                _ => format!("SOPS_AGE_KEY={age}"),
            },
            age,
            &["AGE_SECRET_KEY"],
        ),
    ]
}

fn mixed_upper(r: &mut Rng, n: usize) -> String {
    loop {
        let s = r.alnum(n, b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
        if s.bytes().any(|b| b.is_ascii_digit()) && s.bytes().any(|b| b.is_ascii_uppercase()) {
            return s;
        }
    }
}

pub fn positives(r: &mut Rng) -> Vec<Plant> {
    let mut v = vec![
        gcp_api_key(r),
        stripe(r),
        gitlab(r),
        slack(r),
        slack_webhook(r),
        google_oauth(r),
        npm(r),
        pypi(r),
        docker_hub(r),
        azure_key(r),
        azure_sas(r),
        sendgrid(r),
        mailchimp(r),
    ];
    let pre = *r.pick(&["gho_", "ghu_", "ghs_", "ghr_"]);
    let gh = crc_token(r, pre);
    v.push(p(
        format!("git remote set-url origin https://x-access-token:{gh}@github.com/acme/api.git"),
        gh,
        &["GITHUB_TOKEN"],
    ));
    v.extend(twilio(r));
    v.extend(hex_prefixed(r));
    v.extend(ai_tokens(r));
    v.extend(misc(r));
    v
}
