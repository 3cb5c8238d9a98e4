//! Brazil (CNPJ, RG, CEP) and Argentina (DNI, CUIL/CUIT).

use super::*;

/// CNPJ check digits over 12 characters (value = ASCII - 48, so digits keep
/// their value and letters count 17..42, as in the 2026 alphanumeric CNPJ).
fn cnpj_checks(base: &str) -> (u32, u32) {
    let v: Vec<u32> = base.bytes().map(|c| (c - b'0') as u32).collect();
    let dig = |v: &[u32]| {
        let n = v.len();
        let s: u32 = v
            .iter()
            .enumerate()
            .map(|(i, x)| x * (2 + ((n - 1 - i) as u32) % 8))
            .sum();
        let m = s % 11;
        if m < 2 {
            0
        } else {
            11 - m
        }
    };
    let c1 = dig(&v);
    let mut v2 = v.clone();
    v2.push(c1);
    (c1, dig(&v2))
}

fn cnpj(r: &mut Rng) -> String {
    let alnum = r.below(5) == 0;
    let base = if alnum {
        format!(
            "{}{}{}",
            r.digits(2),
            r.alnum(6, b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"),
            r.alnum(4, b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ")
        )
    } else {
        let branch = *r.pick(&["0001", "0001", "0002", "0003", "0010"]);
        format!("{}{}", nz_digits(r, 8), branch)
    };
    let (c1, c2) = cnpj_checks(&base);
    if r.below(4) == 0 && !alnum {
        format!("{base}{c1}{c2}")
    } else {
        format!(
            "{}.{}.{}/{}-{c1}{c2}",
            &base[0..2],
            &base[2..5],
            &base[5..8],
            &base[8..12]
        )
    }
}

/// Sao Paulo RG: 8 digits, weights 2..9, check 11 - (sum mod 11), 10 = X,
/// 11 = 0.
fn rg_sp(r: &mut Rng) -> (String, String) {
    let d = format!("{}{}", 1 + r.below(5), r.digits(7));
    let s: u32 = dv(&d)
        .iter()
        .enumerate()
        .map(|(i, x)| x * (2 + i as u32))
        .sum();
    let c = match 11 - s % 11 {
        10 => "X".to_string(),
        11 => "0".to_string(),
        n => n.to_string(),
    };
    (d, c)
}

/// CUIL/CUIT: type prefix + DNI + mod-11 check (weights 5,4,3,2,7,6,5,4,3,2);
/// None when the check would be 10 (AFIP then changes the prefix).
fn cuit(r: &mut Rng, prefix: u32) -> Option<String> {
    let body = format!("{prefix}{}", nz_digits(r, 8));
    let w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let s: u32 = dv(&body).iter().zip(w).map(|(a, b)| a * b).sum();
    let c = match 11 - s % 11 {
        11 => 0,
        10 => return None,
        n => n,
    };
    Some(match r.below(4) {
        0 => format!("{body}{c}"),
        1 => format!("{prefix} {} {c}", &body[2..]),
        _ => format!("{prefix}-{}-{c}", &body[2..]),
    })
}

fn dotted_dni(n: u64) -> String {
    let s = n.to_string();
    let k = s.len();
    format!("{}.{}.{}", &s[..k - 6], &s[k - 6..k - 3], &s[k - 3..])
}

pub fn positives(r: &mut Rng, v: &mut Vec<Plant>) {
    let x = cnpj(r);
    let t = ctx(
        r,
        &[
            "CNPJ",
            "cnpj",
            "CNPJ/MF",
            "Cadastro Nacional da Pessoa Jurídica",
        ],
        "cnpj",
        &x,
    );
    v.push(plant(t, x, &["BRAZIL_CNPJ_NUMBER"]));

    let x = loop {
        let (d, c) = rg_sp(r);
        if r.below(2) == 0 {
            break format!("{}.{}.{}-{c}", &d[0..2], &d[2..5], &d[5..8]);
        }
        if c != "X" {
            break format!("{d}-{c}");
        }
    };
    let t = ctx(
        r,
        &["RG", "R.G.", "Registro Geral", "Carteira de Identidade"],
        "rg",
        &x,
    );
    v.push(plant(t, x, &["BRAZIL_RG_NUMBER"]));
    // State-prefixed RG (Minas Gerais and others print the UF).
    let uf = *r.pick(&["MG", "RJ", "BA", "PR", "RS", "GO"]);
    let d = r.digits(6);
    let x = format!("{uf}-{}.{}.{}", 10 + r.below(10), &d[0..3], &d[3..]);
    let t = format!(
        "{} {x}",
        r.pick(&["RG", "Carteira de identidade nº", "cédula de identidade"])
    );
    v.push(plant(t, x, &["BRAZIL_RG_NUMBER"]));

    let x = format!("{:05}-{:03}", 1000 + r.below(98000), r.below(1000));
    let t = match r.below(3) {
        0 => format!(
            "Rua {} {}, {} - São Paulo - SP, CEP {x}",
            r.pick(&["Augusta", "das Flores", "XV de Novembro"]),
            r.below(2000),
            r.pick(&["Centro", "Bela Vista", "Jardins"])
        ),
        1 => format!("{{\"logradouro\": \"Av. Brasil\", \"cep\": \"{x}\"}}"),
        _ => format!("Código postal: {x}"),
    };
    v.push(plant(t, x, &["BRAZIL_CEP_CODE"]));

    let n = 3_000_000 + r.below(92_000_000);
    let x = if r.below(2) == 0 {
        dotted_dni(n)
    } else {
        n.to_string()
    };
    let t = ctx(
        r,
        &[
            "DNI",
            "D.N.I.",
            "Documento Nacional de Identidad N°",
            "DNI Nº",
        ],
        "dni",
        &x,
    );
    v.push(plant(t, x, &["ARGENTINA_DNI_NUMBER"]));

    let x = loop {
        let p = *r.pick(&[20, 23, 24, 27]);
        if let Some(c) = cuit(r, p) {
            break c;
        }
    };
    let t = ctx(r, &["CUIL", "CUIT", "C.U.I.L.", "cuil"], "cuil", &x);
    v.push(plant(
        t,
        x,
        &["ARGENTINA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER"],
    ));
    let x = loop {
        let p = *r.pick(&[30, 33, 34]);
        if let Some(c) = cuit(r, p) {
            break c;
        }
    };
    let t = ctx(
        r,
        &[
            "CUIT",
            "C.U.I.T.",
            "Razón social: Ejemplo SA - CUIT",
            "cuit",
        ],
        "cuit",
        &x,
    );
    v.push(plant(
        t,
        x,
        &["ARGENTINA_ORGANIZATION_TAX_IDENTIFICATION_NUMBER"],
    ));
}

pub fn decoys(r: &mut Rng, v: &mut Vec<String>) {
    let good = cnpj(r);
    v.push(format!("CNPJ: {}", bump_last(&good)));
    v.push(format!("Protocolo {good}"));
    v.push("CNPJ: 00.000.000/0000-00".into());
    let (d, c) = rg_sp(r);
    let wrong = if c == "0" {
        "1".to_string()
    } else {
        "0".into()
    };
    v.push(format!(
        "RG: {}.{}.{}-{wrong}",
        &d[0..2],
        &d[2..5],
        &d[5..8]
    ));
    v.push(format!(
        "Protocolo {}.{}.{}-{c}",
        &d[0..2],
        &d[2..5],
        &d[5..8]
    ));
    v.push("CEP: 00000-000".into());
    v.push(format!(
        "Pedido {:05}-{:03} enviado",
        1000 + r.below(98000),
        r.below(1000)
    ));
    v.push(
        r.pick(&["DNI: 99.999.999", "DNI 00000000", "DNI: 12345678"])
            .to_string(),
    );
    v.push(format!(
        "Legajo {}",
        dotted_dni(3_000_000 + r.below(90_000_000))
    ));
    // CUIL/CUIT with a wrong check digit, and without keyword.
    let good = loop {
        let p = *r.pick(&[20, 27, 30]);
        if let Some(c) = cuit(r, p) {
            break c;
        }
    };
    v.push(format!("CUIT: {}", bump_last(&good)));
    v.push(format!("Factura {good}"));
}
