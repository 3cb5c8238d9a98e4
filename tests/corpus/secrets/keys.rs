//! Private keys and key files: OpenSSH (openssh-key-v1), OpenPGP armored
//! secret keys (CRC-24 armor checksum), PuTTY .ppk v2/v3, PKCS#8 PEM, GCP
//! service-account JSON, AWS credential files with session tokens.

use super::super::gen::*;
use super::util::*;

fn ssh_string(out: &mut Vec<u8>, s: &[u8]) {
    out.extend((s.len() as u32).to_be_bytes());
    out.extend(s);
}

/// An openssh-key-v1 blob: ed25519 unencrypted, or bcrypt/aes256-ctr
/// encrypted (the private section is then ciphertext).
fn openssh_blob(r: &mut Rng) -> Vec<u8> {
    let mut b = b"openssh-key-v1\0".to_vec();
    let encrypted = r.below(3) == 0;
    let pk = bytes(r, 32);
    let mut pubkey = Vec::new();
    ssh_string(&mut pubkey, b"ssh-ed25519");
    ssh_string(&mut pubkey, &pk);
    if encrypted {
        ssh_string(&mut b, b"aes256-ctr");
        ssh_string(&mut b, b"bcrypt");
        let mut opts = Vec::new();
        ssh_string(&mut opts, &bytes(r, 16));
        opts.extend(16u32.to_be_bytes());
        ssh_string(&mut b, &opts);
    } else {
        ssh_string(&mut b, b"none");
        ssh_string(&mut b, b"none");
        ssh_string(&mut b, b"");
    }
    b.extend(1u32.to_be_bytes());
    ssh_string(&mut b, &pubkey);
    let private = if encrypted {
        bytes(r, 144)
    } else {
        let mut p = Vec::new();
        let check = bytes(r, 4);
        p.extend(&check);
        p.extend(&check);
        ssh_string(&mut p, b"ssh-ed25519");
        ssh_string(&mut p, &pk);
        let mut sk = bytes(r, 32);
        sk.extend(&pk);
        ssh_string(&mut p, &sk);
        let user = *r.pick(&["deploy@ci", "root@bastion", "anna@laptop", "git@build-07"]);
        ssh_string(&mut p, user.as_bytes());
        let mut i = 1u8;
        while p.len() % 8 != 0 {
            p.push(i);
            i += 1;
        }
        p
    };
    ssh_string(&mut b, &private);
    b
}

fn openssh(r: &mut Rng) -> Plant {
    let body = b64(&openssh_blob(r));
    let pem = |sep: &str| {
        format!(
            "-----BEGIN OPENSSH PRIVATE KEY-----{sep}{}{sep}-----END OPENSSH PRIVATE KEY-----",
            wrap(&body, 70, sep)
        )
    };
    let (text, value) = match r.below(4) {
        0 => {
            let k = pem("\n");
            (format!("$ cat ~/.ssh/id_ed25519\n{k}\n"), k)
        }
        1 => {
            let k = pem("\\n");
            (
                format!("{{\"name\": \"deploy\", \"ssh_private_key\": \"{k}\\n\"}}"),
                k,
            )
        }
        2 => {
            let k = pem("\n      ");
            (format!("deploy:\n  ssh_key: |\n      {k}\n"), k)
        }
        _ => {
            let k = pem("\n");
            (format!("# id_ed25519 for the build agent\n{k}"), k)
        }
    };
    plant(text, value, &["OPENSSH_PRIVATE_KEY"])
}

/// An OpenPGP transferable secret key: an EdDSA Secret-Key packet (tag 5,
/// unprotected), a User ID packet and a signature-shaped packet.
fn pgp_packets(r: &mut Rng) -> Vec<u8> {
    let mut key = vec![4u8];
    key.extend((1_600_000_000u32 + r.below(100_000_000) as u32).to_be_bytes());
    key.push(22);
    key.extend([9, 0x2B, 0x06, 0x01, 0x04, 0x01, 0xDA, 0x47, 0x0F, 0x01]);
    key.extend([0x01, 0x07, 0x40]);
    key.extend(bytes(r, 32));
    key.push(0);
    let mut mpi = vec![0x00, 0xFF];
    let mut s = bytes(r, 32);
    s[0] |= 0x80;
    mpi.extend(&s);
    let sum: u32 = mpi.iter().map(|&b| b as u32).sum();
    key.extend(&mpi);
    key.extend(((sum & 0xFFFF) as u16).to_be_bytes());
    let mut out = vec![0xC5, key.len() as u8];
    out.extend(key);
    let who = *r.pick(&[
        "Release Signing <release@corp.internal>",
        "Dana Build <dana@corp.internal>",
        "ops-backup <ops@acme-corp.io>",
    ]);
    out.extend([0xCD, who.len() as u8]);
    out.extend(who.as_bytes());
    let sig = bytes(r, 120);
    out.extend([0xC2, sig.len() as u8]);
    out.extend(sig);
    out
}

fn pgp(r: &mut Rng) -> Plant {
    let data = pgp_packets(r);
    let crc = crc24(&data);
    let sum = b64(&[(crc >> 16) as u8, (crc >> 8) as u8, crc as u8]);
    let headers = *r.pick(&[
        "",
        "Version: GnuPG v2\n",
        "Comment: release signing key, keep offline\n",
    ]);
    let sep = if r.below(3) == 0 { "\\n" } else { "\n" };
    let armored = format!(
        "-----BEGIN PGP PRIVATE KEY BLOCK-----{sep}{}{sep}{}{sep}={sum}{sep}-----END PGP PRIVATE KEY BLOCK-----",
        headers.replace('\n', sep),
        wrap(&b64(&data), 64, sep)
    );
    let text = if sep == "\n" {
        format!(
            "$ gpg --export-secret-keys --armor {}\n{armored}\n",
            hex(r, 40).to_ascii_uppercase()
        )
    } else {
        format!("GPG_PRIVATE_KEY=\"{armored}\"")
    };
    plant(text, armored, &["PGP_PRIVATE_KEY"])
}

fn putty(r: &mut Rng) -> Plant {
    let (alg, blob) = match r.below(3) {
        0 => {
            let mut b = Vec::new();
            ssh_string(&mut b, b"ssh-ed25519");
            ssh_string(&mut b, &bytes(r, 32));
            ("ssh-ed25519", b)
        }
        1 => {
            let mut b = Vec::new();
            ssh_string(&mut b, b"ecdsa-sha2-nistp256");
            ssh_string(&mut b, b"nistp256");
            let mut pt = vec![4u8];
            pt.extend(bytes(r, 64));
            ssh_string(&mut b, &pt);
            ("ecdsa-sha2-nistp256", b)
        }
        _ => {
            let mut b = Vec::new();
            ssh_string(&mut b, b"ssh-rsa");
            ssh_string(&mut b, &[1, 0, 1]);
            let mut n = vec![0u8];
            n.extend(bytes(r, 256));
            n[1] |= 0x80;
            ssh_string(&mut b, &n);
            ("ssh-rsa", b)
        }
    };
    let v3 = r.below(2) == 0;
    let encrypted = v3 && r.below(2) == 0;
    let mut private = Vec::new();
    ssh_string(
        &mut private,
        &bytes(r, if alg == "ssh-rsa" { 256 } else { 32 }),
    );
    if encrypted {
        while private.len() % 16 != 0 {
            private.push(r.next() as u8);
        }
    }
    let publ = wrap(&b64(&blob), 64, "\n");
    let prv = wrap(&b64(&private), 64, "\n");
    let kdf = if encrypted {
        format!(
            "Key-Derivation: Argon2id\nArgon2-Memory: 8192\nArgon2-Passes: 13\nArgon2-Parallelism: 1\nArgon2-Salt: {}\n",
            hex(r, 32)
        )
    } else {
        String::new()
    };
    let ppk = format!(
        "PuTTY-User-Key-File-{}: {alg}\nEncryption: {}\nComment: {}-key-2024{:02}{:02}\nPublic-Lines: {}\n{publ}\n{kdf}Private-Lines: {}\n{prv}\nPrivate-MAC: {}",
        if v3 { 3 } else { 2 },
        if encrypted { "aes256-cbc" } else { "none" },
        alg.split('-').next().unwrap(),
        1 + r.below(12),
        1 + r.below(28),
        publ.lines().count(),
        prv.lines().count(),
        hex(r, if v3 { 64 } else { 40 })
    );
    let ppk = if r.below(4) == 0 {
        ppk.replace('\n', "\r\n")
    } else {
        ppk
    };
    plant(format!("{ppk}\n"), ppk, &["PUTTY_PRIVATE_KEY"])
}

/// A PKCS#8 PrivateKeyInfo for Ed25519 (RFC 8410) or an RSA-sized one.
fn pkcs8(r: &mut Rng) -> Vec<u8> {
    if r.below(2) == 0 {
        let mut d = vec![
            0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22,
            0x04, 0x20,
        ];
        d.extend(bytes(r, 32));
        d
    } else {
        let n = 1150 + r.below(80) as usize;
        let mut d = vec![0x30, 0x82, (n >> 8) as u8, n as u8, 0x02, 0x01, 0x00];
        d.extend([
            0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05,
            0x00,
        ]);
        let rest = n - 3 - 15;
        d.extend([0x04, 0x82, ((rest - 4) >> 8) as u8, (rest - 4) as u8]);
        d.extend(bytes(r, rest - 4));
        d
    }
}

fn pkcs8_pem(r: &mut Rng, sep: &str) -> String {
    format!(
        "-----BEGIN PRIVATE KEY-----{sep}{}{sep}-----END PRIVATE KEY-----",
        wrap(&b64(&pkcs8(r)), 64, sep)
    )
}

fn pkcs(r: &mut Rng) -> Plant {
    let (text, value) = match r.below(3) {
        0 => {
            let k = pkcs8_pem(r, "\n    ");
            (
                format!("apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\nstringData:\n  tls.key: |\n    {k}\n"),
                k,
            )
        }
        1 => {
            let k = pkcs8_pem(r, "\\n");
            (format!("JWT_SIGNING_KEY=\"{k}\\n\""), k)
        }
        _ => {
            let k = pkcs8_pem(r, "\n");
            (format!("$ openssl genpkey -algorithm ed25519\n{k}\n"), k)
        }
    };
    plant(text, value, &["PKCS"])
}

fn gcp_service_account(r: &mut Rng) -> Plant {
    let project = format!(
        "{}-{}",
        r.pick(&["billing-prod", "ml-train", "data-platform", "web-backend"]),
        100000 + r.below(900000)
    );
    let kid = hex(r, 40);
    let pem = pkcs8_pem(r, "\\n");
    let sa = *r.pick(&["exporter", "ci-deployer", "bq-reader", "terraform"]);
    let email = format!("{sa}@{project}.iam.gserviceaccount.com");
    let client_id = format!("1{}", r.digits(20));
    let text = match r.below(3) {
        0 => format!(
            "{{\n  \"type\": \"service_account\",\n  \"project_id\": \"{project}\",\n  \"private_key_id\": \"{kid}\",\n  \"private_key\": \"{pem}\\n\",\n  \"client_email\": \"{email}\",\n  \"client_id\": \"{client_id}\",\n  \"auth_uri\": \"https://accounts.google.com/o/oauth2/auth\",\n  \"token_uri\": \"https://oauth2.googleapis.com/token\"\n}}"
        ),
        1 => format!(
            "GOOGLE_CREDENTIALS={{\\\"type\\\":\\\"service_account\\\",\\\"project_id\\\":\\\"{project}\\\",\\\"private_key_id\\\":\\\"{kid}\\\",\\\"private_key\\\":\\\"{pem}\\\\n\\\",\\\"client_email\\\":\\\"{email}\\\"}}"
        ),
        _ => format!(
            "{{\"client_email\": \"{email}\", \"client_id\": \"{client_id}\", \"private_key\": \"{pem}\\n\", \"private_key_id\": \"{kid}\", \"project_id\": \"{project}\", \"token_uri\": \"https://oauth2.googleapis.com/token\", \"type\": \"service_account\"}}"
        ),
    };
    // One span over the key id, the PEM and the client email: the three
    // detectors each report inside it.
    let parts = [
        (text.find(&kid).unwrap(), kid.len()),
        (text.find("-----BEGIN").unwrap(), 0),
        (text.find("-----END PRIVATE KEY-----").unwrap(), 25),
        (text.find(&email).unwrap(), email.len()),
    ];
    let a = parts.iter().map(|p| p.0).min().unwrap();
    let b = parts.iter().map(|p| p.0 + p.1).max().unwrap();
    let value = text[a..b].to_string();
    plant(
        text,
        value,
        &["GCP_SERVICE_ACCOUNT_KEY", "PKCS", "EMAIL_ADDRESS"],
    )
}

/// An AWS shared-credentials profile with STS temporary credentials.
fn aws_profile(r: &mut Rng) -> Plant {
    let akid = format!("ASIA{}", r.alnum(16, UPPER_DIGITS));
    let secret = mixed(r, 40, B64);
    let session = format!("IQoJb3JpZ2luX2VjE{}", r.alnum(300, B64));
    let text = format!(
        "[profile-{}]\naws_access_key_id = {akid}\naws_secret_access_key = {secret}\naws_session_token = {session}\n",
        r.below(100)
    );
    let a = text.find(&akid).unwrap();
    let b = text.find(&secret).unwrap() + 40;
    plant(
        text.clone(),
        text[a..b].to_string(),
        &["AWS_CREDENTIALS", "AWS_ACCESS_KEY_ID"],
    )
}

pub fn positives(r: &mut Rng) -> Vec<Plant> {
    vec![
        openssh(r),
        pgp(r),
        putty(r),
        pkcs(r),
        gcp_service_account(r),
        aws_profile(r),
    ]
}
