//! Credentials in HTTP and in configuration: Basic authorization headers,
//! cookie headers, passwords in connection URLs, hard-coded passwords and
//! secrets assigned in code and config.

use super::super::gen::*;
use super::util::*;

const USERS: &[&str] = &[
    "svc_deploy",
    "app_user",
    "jenkins",
    "reporting",
    "admin",
    "etl-runner",
    "orders_rw",
];

fn basic_auth(r: &mut Rng) -> Plant {
    let user = *r.pick(USERS);
    let cred = if r.below(4) == 0 {
        // API keys as Basic credentials: Mailgun (api:key-...) and Stripe
        // (the secret key as user, empty password).
        if r.below(2) == 0 {
            format!("api:key-{}", hex(r, 32))
        } else {
            format!("sk_live_{}:", mixed(r, 24, B62))
        }
    } else {
        format!("{user}:{}", password(r, 12, 8, b"!#%&*-_.~"))
    };
    let enc = b64(cred.as_bytes());
    let (text, value) = match r.below(4) {
        0 => {
            let h = format!("Authorization: Basic {enc}");
            (
                format!("GET /api/v1/builds HTTP/1.1\r\nHost: ci.corp.internal\r\n{h}\r\nAccept: */*\r\n"),
                h,
            )
        }
        1 => {
            let h = format!("Authorization: Basic {enc}");
            (
                format!("curl -H '{h}' https://jenkins.corp.internal/api/json"),
                h,
            )
        }
        2 => {
            let h = format!("Authorization\": \"Basic {enc}");
            (
                format!("{{\"headers\": {{\"{h}\", \"Accept\": \"application/json\"}}}}"),
                h,
            )
        }
        _ => {
            let h = format!("Proxy-Authorization: Basic {enc}");
            (
                format!("CONNECT api.partner.net:443 HTTP/1.1\r\n{h}\r\n"),
                h,
            )
        }
    };
    plant(text, value, &["HTTP_BASIC_AUTH_HEADER"])
}

fn cookie(r: &mut Rng) -> Plant {
    let (name, val) = match r.below(4) {
        0 => (
            "sessionid",
            r.alnum(32, b"abcdefghijklmnopqrstuvwxyz0123456789"),
        ),
        1 => ("JSESSIONID", r.alnum(32, b"0123456789ABCDEF")),
        2 => (
            "PHPSESSID",
            r.alnum(26, b"abcdefghijklmnopqrstuv0123456789"),
        ),
        _ => (
            "connect.sid",
            format!("s%3A{}.{}", mixed(r, 32, B64URL), mixed(r, 43, B62)),
        ),
    };
    let (text, value) = match r.below(3) {
        0 => {
            let c = format!(
                "Cookie: {name}={val}; _ga=GA1.2.{}.{}",
                r.digits(9),
                r.digits(10)
            );
            (
                format!("GET /account HTTP/1.1\r\nHost: shop.acme-corp.io\r\n{c}\r\n"),
                c,
            )
        }
        1 => {
            let c = format!("Set-Cookie: {name}={val}; Path=/; Secure; HttpOnly; SameSite=Lax");
            (
                format!("HTTP/1.1 302 Found\r\nLocation: /home\r\n{c}\r\n"),
                c,
            )
        }
        _ => {
            let c = format!("cookie: {name}={val}");
            (
                format!("curl 'https://portal.corp.internal/api/me' -H '{c}'"),
                c,
            )
        }
    };
    plant(text, value, &["HTTP_COOKIE"])
}

fn url_password(r: &mut Rng) -> Plant {
    let user = *r.pick(USERS);
    let pw = password(r, 12, 8, b"!*-_.~");
    let (scheme, host, tail, var) = *r.pick(&[
        (
            "postgres",
            "db.prod.corp.internal",
            ":5432/orders",
            "DATABASE_URL",
        ),
        (
            "postgresql",
            "10.20.4.17",
            ":5432/analytics?sslmode=require",
            "DATABASE_URL",
        ),
        ("mysql", "mysql-primary.internal", ":3306/shop", "DB_URL"),
        (
            "mongodb+srv",
            "cluster0.ab12c.mongodb.net",
            "/?retryWrites=true&w=majority",
            "MONGO_URI",
        ),
        ("redis", "cache-01.internal", ":6379/0", "REDIS_URL"),
        ("amqps", "mq.corp.internal", ":5671/prod", "AMQP_URL"),
        (
            "https",
            "artifacts.corp.internal",
            "/repository/maven-releases/",
            "MAVEN_REPO",
        ),
        ("smtp", "smtp.mailgun.org", ":587", "SMTP_URL"),
    ]);
    let user = if scheme == "redis" && r.below(2) == 0 {
        ""
    } else {
        user
    };
    let url = format!("{scheme}://{user}:{pw}@{host}");
    let text = match r.below(3) {
        0 => format!("{var}={url}{tail}"),
        1 => format!("engine = create_engine(\"{url}{tail}\")"),
        _ => format!("2024-05-17T09:12:44Z INFO connecting to {url}{tail}"),
    };
    plant(text, url, &["PASSWORD_IN_URL"])
}

fn generic(r: &mut Rng) -> Plant {
    let pw = password(r, 12, 10, b"!#$%&*+-.:=?@^_~");
    let hexs = hex(r, 40);
    let (text, value) = match r.below(10) {
        0 => (format!("DB_PASSWORD={pw}"), pw),
        1 => (format!("spring.datasource.password={pw}"), pw),
        2 => (format!("{{\"username\": \"svc\", \"password\": \"{pw}\"}}"), pw),
        3 => (format!("  <password>{pw}</password>"), pw),
        4 => (format!("$password = '{pw}';"), pw),
        5 => (format!("'secret_key' => '{pw}',"), pw),
        6 => (format!("smtp:\n  host: smtp.corp.internal\n  passwd: \"{pw}\""), pw),
        7 => (format!("client_secret = \"{hexs}\""), hexs),
        8 => (format!("Server=tcp:sql01.corp.internal;Database=orders;User ID=app;Password={pw};Encrypt=true"), pw),
        _ => (format!("export PGPASSWORD='{pw}'"), pw),
    };
    plant(text, value, &["GENERIC_SECRET_ASSIGNMENT"])
}

pub fn positives(r: &mut Rng) -> Vec<Plant> {
    vec![basic_auth(r), cookie(r), url_password(r), generic(r)]
}
