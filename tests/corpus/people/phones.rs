//! Phone numbers of the seven phone detectors, in national and international
//! notation, with the numbering plans' real area codes and mobile prefixes.

use super::super::gen::*;

/// A subscriber number that is not a placeholder (no run of 5 equal digits,
/// not ascending/descending 4+ runs at the start).
fn sub(r: &mut Rng, n: usize, first: &[u8]) -> String {
    loop {
        let s = format!(
            "{}{}",
            first[r.below(first.len() as u64) as usize] as char,
            r.digits(n - 1)
        );
        let b = s.as_bytes();
        let same = b.windows(4).any(|w| w.iter().all(|&c| c == w[0]));
        let asc = b.windows(5).any(|w| w.windows(2).all(|p| p[1] == p[0] + 1));
        let desc = b.windows(5).any(|w| w.windows(2).all(|p| p[0] == p[1] + 1));
        if !same && !asc && !desc {
            return s;
        }
    }
}

fn p(text: String, value: String, id: &'static [&'static str]) -> Plant {
    plant(text, value, id)
}

pub fn positives(r: &mut Rng) -> Vec<Plant> {
    let mut v = Vec::new();
    // US / Canada (NANP): real area codes, exchange 2-9, not 555 or N11.
    let area = *r.pick(&[
        "212", "415", "312", "617", "713", "206", "303", "404", "503", "602", "702", "818", "416",
        "604", "514", "905", "720", "919",
    ]);
    let exch = loop {
        let e = sub(r, 3, b"23456789");
        if e != "555" && &e[1..] != "11" {
            break e;
        }
    };
    let line = sub(r, 4, b"0123456789");
    let (text, val) = match r.below(6) {
        0 => {
            let s = format!("+1 ({area}) {exch}-{line}");
            (format!("Call us at {s} for support."), s)
        }
        1 => {
            let s = format!("({area}) {exch}-{line}");
            (format!("Phone: {s}"), s)
        }
        2 => {
            let s = format!("{area}-{exch}-{line}");
            (format!("customer_id,mobile\n{},{s}", r.digits(5)), s)
        }
        3 => {
            let s = format!("{area}.{exch}.{line}");
            (format!("{{\"phone\": \"{s}\", \"opt_in\": true}}"), s)
        }
        4 => {
            let s = format!("+1{area}{exch}{line}");
            (format!("sms.sent to={s} status=queued"), s)
        }
        _ => {
            let s = format!("1-{area}-{exch}-{line}");
            (format!("Toll-free / tel. {s}"), s)
        }
    };
    v.push(p(text, val, &["PHONE_NUMBER"]));
    // UK national forms (core.rs plants +44 7 mobiles).
    let (text, val) = match r.below(4) {
        0 => {
            let s = format!("020 {} {}", sub(r, 4, b"378"), r.digits(4));
            (format!("Tel: {s}"), s)
        }
        1 => {
            let s = format!("07{} {}", sub(r, 3, b"12345789"), r.digits(6));
            (format!("Mobile: {s}"), s)
        }
        2 => {
            let a = *r.pick(&["0161", "0113", "0121", "0131", "0141", "0117", "0191"]);
            let s = format!("{a} {} {}", sub(r, 3, b"2345789"), r.digits(4));
            (format!("Landline: {s} (office hours)"), s)
        }
        _ => {
            let s = format!(
                "+44 (0){} {} {}",
                r.pick(&["161", "113", "121"]),
                sub(r, 3, b"2345789"),
                r.digits(4)
            );
            (format!("Please ring {s} before noon."), s)
        }
    };
    // 07xxx xxxxxx is a UK mobile and also a German number (07xxx area codes
    // of Baden-Württemberg): with only "Mobile:" both readings are legitimate.
    let labels: &'static [&'static str] = if val.starts_with("07") {
        &["UK_PHONE_NUMBER", "GERMANY_PHONE_NUMBER"]
    } else {
        &["UK_PHONE_NUMBER"]
    };
    v.push(p(text, val, labels));
    // France: 01-05 geographic, 06/07 mobile, 09; pairs of digits.
    let first = *r.pick(&["1", "2", "3", "4", "5", "6", "7", "9"]);
    let rest = sub(r, 8, b"123456789");
    let pairs = |sep: &str| {
        rest.as_bytes()
            .chunks(2)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join(sep)
    };
    let (text, val) = match r.below(5) {
        0 => {
            let s = format!("+33 {first} {}", pairs(" "));
            (format!("Joignable au {s} du lundi au vendredi."), s)
        }
        1 => {
            let s = format!("0{first} {}", pairs(" "));
            (format!("Téléphone : {s}"), s)
        }
        2 => {
            let s = format!("0{first}.{}", pairs("."));
            (format!("Portable: {s}"), s)
        }
        3 => {
            let s = format!("+33{first}{rest}");
            (format!("{{\"telephone\": \"{s}\"}}"), s)
        }
        _ => {
            let s = format!("0033 {first} {}", pairs(" "));
            (format!("tél. {s}"), s)
        }
    };
    v.push(p(text, val, &["FRANCE_PHONE_NUMBER"]));
    // Germany: Vorwahl (area or mobile prefix) + Rufnummer.
    let (pre, len) = *r.pick(&[
        ("30", 8),
        ("40", 7),
        ("89", 8),
        ("221", 7),
        ("69", 8),
        ("711", 7),
        ("211", 7),
        ("151", 8),
        ("160", 7),
        ("171", 7),
        ("176", 8),
        ("152", 8),
    ]);
    let num = sub(r, len, b"23456789");
    let (text, val) = match r.below(5) {
        0 => {
            let s = format!("+49 {pre} {num}");
            (format!("Erreichbar unter {s} (Büro)."), s)
        }
        1 => {
            let s = format!("0{pre} {num}");
            (format!("Telefon: {s}"), s)
        }
        2 => {
            let s = format!("0{pre}/{num}");
            (format!("Handy: {s}"), s)
        }
        3 => {
            let s = format!("({}) {num}", format_args!("0{pre}"));
            (format!("Tel. {s}"), s)
        }
        _ => {
            let s = format!("+49 (0){pre} {num}");
            (format!("{{\"telefon\": \"{s}\"}}"), s)
        }
    };
    // "(0160) 1234567" is a German mobile and also a UK 0160x area number.
    let labels: &'static [&'static str] = if val.starts_with('(') {
        &["GERMANY_PHONE_NUMBER", "UK_PHONE_NUMBER"]
    } else {
        &["GERMANY_PHONE_NUMBER"]
    };
    v.push(p(text, val, labels));
    // Italy: landline 0 + area, mobile 3xx.
    let (text, val) = if r.below(2) == 0 {
        let mob = *r.pick(&[
            "320", "328", "333", "338", "340", "347", "349", "366", "380", "393",
        ]);
        let s1 = sub(r, 3, b"123456789");
        let s2 = r.digits(4);
        match r.below(3) {
            0 => {
                let s = format!("{mob} {s1} {s2}");
                (format!("Cellulare: {s}"), s)
            }
            1 => {
                let s = format!("+39 {mob}{s1}{s2}");
                (format!("{{\"cellulare\": \"{s}\"}}"), s)
            }
            _ => {
                let s = format!("+39 {mob} {s1} {s2}");
                (format!("Per informazioni chiamare il {s}."), s)
            }
        }
    } else {
        let (a, n) = *r.pick(&[
            ("06", 8),
            ("02", 8),
            ("055", 7),
            ("011", 7),
            ("081", 7),
            ("051", 7),
        ]);
        let num = sub(r, n, b"23456789");
        let shown = format!("{} {}", &num[..4], &num[4..]);
        match r.below(3) {
            0 => {
                let s = format!("{a} {shown}");
                (format!("Telefono: {s}"), s)
            }
            1 => {
                let s = format!("+39 {a} {shown}");
                (format!("Chiamare il {s} in orario d'ufficio."), s)
            }
            _ => {
                let s = format!("0039 {a} {shown}");
                (format!("tel. fisso {s}"), s)
            }
        }
    };
    v.push(p(text, val, &["ITALY_PHONE_NUMBER"]));
    // Spain: 9xx landline, 6xx / 7[1-4]x mobile; 9 digits.
    let lead = *r.pick(&[
        "91", "93", "95", "96", "98", "61", "62", "63", "65", "66", "69", "71", "72",
    ]);
    let n = format!("{lead}{}", sub(r, 7, b"123456789"));
    let (text, val) = match r.below(5) {
        0 => {
            let s = format!("+34 {} {} {}", &n[..3], &n[3..6], &n[6..]);
            (format!("Llámenos al {s} de 9 a 14h."), s)
        }
        1 => {
            let s = format!("{} {} {} {}", &n[..2], &n[2..5], &n[5..7], &n[7..]);
            (format!("Teléfono: {s}"), s)
        }
        2 => {
            let s = format!("{} {} {}", &n[..3], &n[3..6], &n[6..]);
            (format!("Móvil: {s}"), s)
        }
        3 => {
            let s = format!("+34{n}");
            (format!("{{\"telefono\": \"{s}\"}}"), s)
        }
        _ => {
            let s = format!("0034 {} {} {}", &n[..3], &n[3..6], &n[6..]);
            (format!("tfno. {s}"), s)
        }
    };
    v.push(p(text, val, &["SPAIN_PHONE_NUMBER"]));
    // Brazil: DDD + 9xxxx-xxxx mobile or [2-5]xxx-xxxx landline.
    let ddd = *r.pick(&[
        "11", "21", "31", "41", "51", "61", "71", "81", "85", "19", "27", "48", "62", "92",
    ]);
    let mobile = r.below(2) == 0;
    let num = if mobile {
        format!("9{}", sub(r, 8, b"6789"))
    } else {
        sub(r, 8, b"2345")
    };
    let (a, b) = num.split_at(num.len() - 4);
    let (text, val) = match r.below(4) {
        0 => {
            let s = format!("+55 {ddd} {a}-{b}");
            (format!("Fale conosco: {s}"), s)
        }
        1 => {
            let s = format!("({ddd}) {a}-{b}");
            (
                format!("{}: {s}", if mobile { "Celular" } else { "Telefone" }),
                s,
            )
        }
        2 => {
            let s = format!("+55{ddd}{num}");
            (format!("{{\"whatsapp\": \"{s}\"}}"), s)
        }
        _ => {
            let s = format!("{ddd} {a}-{b}");
            (format!("fone: {s}"), s)
        }
    };
    v.push(p(text, val, &["BRAZIL_PHONE_NUMBER"]));
    v
}

pub fn decoys(r: &mut Rng) -> Vec<String> {
    let mut v = Vec::new();
    // Phone-shaped numbers without a phone keyword or country code.
    v.push(format!(
        "Order {}-{}-{} shipped on Monday",
        r.pick(&["212", "415", "312"]),
        sub(r, 3, b"2346789"),
        r.digits(4)
    ));
    v.push(format!(
        "Commande n° 0{} {} {} {} {} expédiée",
        1 + r.below(5),
        r.digits(2),
        r.digits(2),
        r.digits(2),
        r.digits(2)
    ));
    v.push(format!("Bestellnummer 030 {} vom 3. Mai", r.digits(7)));
    v.push(format!(
        "Fattura 347 {} {} del 12 marzo",
        r.digits(3),
        r.digits(4)
    ));
    v.push(format!(
        "Pedido 6{} {} {} enviado",
        r.digits(2),
        r.digits(3),
        r.digits(3)
    ));
    v.push(format!(
        "Pedido (11) 9{}-{} enviado",
        r.digits(4),
        r.digits(4)
    ));
    // Wrong lengths and impossible prefixes next to a keyword.
    v.push(format!("+49 30 {}", r.digits(2)));
    v.push(format!(
        "+33 1 {} {} {}",
        r.digits(2),
        r.digits(2),
        r.digits(2)
    ));
    v.push(format!(
        "Phone: (1{}) {}-{}",
        r.digits(2),
        sub(r, 3, b"2346789"),
        r.digits(4)
    ));
    v.push(format!("Celular: (20) 9{}-{}", r.digits(4), r.digits(4)));
    v.push(format!(
        "Teléfono: 5{} {} {}",
        r.digits(2),
        r.digits(3),
        r.digits(3)
    ));
    v.push(format!(
        "Cellulare: 4{} {} {}",
        r.digits(2),
        r.digits(3),
        r.digits(4)
    ));
    // Placeholders.
    v.push(
        r.pick(&[
            "Phone: 999-999-9999",
            "Mobile: 07777 777777",
            "Tél : 06 66 66 66 66",
            "Telefon: 030 1234567",
            "Telefono: 333 333 3333",
            "Móvil: 666 666 666",
            "Telefone: (11) 98765-4321",
        ])
        .to_string(),
    );
    // Everyday numbers with a plus sign.
    v.push(format!("Invoice total +1 999 999 9999"));
    v.push(format!(
        "delta +{}.{} ms vs. baseline",
        r.below(100),
        r.digits(3)
    ));
    v
}
