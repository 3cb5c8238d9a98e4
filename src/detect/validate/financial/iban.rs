//! Validates IBANs: the ISO 13616 registry of countries (length and BBAN
//! structure), ISO 7064 mod 97-10 check digits and the national BBAN check.

use super::bban::{dv, national_ok};
use crate::detect::validate::common::{alnum_upper, mod97};

// ---------------------------------------------------------------------------
// IBAN
// ---------------------------------------------------------------------------

/// National BBAN check rules (ISO 13616 registry + national standards).
#[derive(Clone, Copy)]
pub(super) enum Nat {
    /// No published, bank-independent check.
    None,
    /// ISO 7064 mod 97-10 over the BBAN (BA, ME, MK, PT, RS, SI, TL).
    Mod97One,
    /// Variant with remainder 0 (MR, TN).
    Mod97Zero,
    /// French/Monegasque RIB key.
    FrRib,
    /// Italian/Sammarinese CIN letter.
    ItCin,
    /// Spanish CCC control digits.
    EsCcc,
    /// Czech/Slovak weighted mod 11 of prefix and account.
    CzSk,
    /// Estonian 7-3-1 check digit.
    Ee,
    /// Finnish Luhn over the BBAN.
    Fi,
    /// Icelandic kennitala check digit.
    Is,
    /// Polish sort-code check digit.
    Pl,
    /// Hungarian 9-7-3-1 check digits.
    Hu,
    /// Croatian ISO 7064 MOD 11,10 on bank and account.
    Hr,
    /// Turkish reserved digit 0.
    Tr,
    /// German Bankleitzahl starts 1–8 (clearing area).
    De,
}

struct Ib {
    cc: [u8; 2],
    len: usize,
    /// BBAN structure: count then class (`n` digit, `a` letter, `c` alphanumeric).
    spec: &'static [u8],
    nat: Nat,
}

/// The IBAN countries piiscan detects (Macie's 52), from the ISO 13616 registry.
const IBANS: &[Ib] = &[
    Ib {
        cc: *b"AD",
        len: 24,
        spec: b"4n4n12c",
        nat: Nat::None,
    },
    Ib {
        cc: *b"AE",
        len: 23,
        spec: b"3n16n",
        nat: Nat::None,
    },
    Ib {
        cc: *b"AL",
        len: 28,
        spec: b"8n16c",
        nat: Nat::None,
    },
    Ib {
        cc: *b"BA",
        len: 20,
        spec: b"3n3n8n2n",
        nat: Nat::Mod97One,
    },
    Ib {
        cc: *b"BG",
        len: 22,
        spec: b"4a4n2n8c",
        nat: Nat::None,
    },
    Ib {
        cc: *b"BR",
        len: 29,
        spec: b"8c5n10n1c1c",
        nat: Nat::None,
    },
    Ib {
        cc: *b"CH",
        len: 21,
        spec: b"5n12c",
        nat: Nat::None,
    },
    Ib {
        cc: *b"CR",
        len: 22,
        spec: b"4n14n",
        nat: Nat::None,
    },
    Ib {
        cc: *b"CY",
        len: 28,
        spec: b"3n5n16c",
        nat: Nat::None,
    },
    Ib {
        cc: *b"CZ",
        len: 24,
        spec: b"4n6n10n",
        nat: Nat::CzSk,
    },
    Ib {
        cc: *b"DE",
        len: 22,
        spec: b"8n10n",
        nat: Nat::De,
    },
    Ib {
        cc: *b"DK",
        len: 18,
        spec: b"4n9n1n",
        nat: Nat::None,
    },
    Ib {
        cc: *b"DO",
        len: 28,
        spec: b"4c20n",
        nat: Nat::None,
    },
    Ib {
        cc: *b"EE",
        len: 20,
        spec: b"2n2n11n1n",
        nat: Nat::Ee,
    },
    Ib {
        cc: *b"EG",
        len: 29,
        spec: b"4n4n17n",
        nat: Nat::None,
    },
    Ib {
        cc: *b"ES",
        len: 24,
        spec: b"4n4n1n1n10n",
        nat: Nat::EsCcc,
    },
    Ib {
        cc: *b"FI",
        len: 18,
        spec: b"3n11n",
        nat: Nat::Fi,
    },
    Ib {
        cc: *b"FO",
        len: 18,
        spec: b"4n9n1n",
        nat: Nat::None,
    },
    Ib {
        cc: *b"FR",
        len: 27,
        spec: b"5n5n11c2n",
        nat: Nat::FrRib,
    },
    Ib {
        cc: *b"GB",
        len: 22,
        spec: b"4a6n8n",
        nat: Nat::None,
    },
    Ib {
        cc: *b"GE",
        len: 22,
        spec: b"2a16n",
        nat: Nat::None,
    },
    Ib {
        cc: *b"GL",
        len: 18,
        spec: b"4n9n1n",
        nat: Nat::None,
    },
    Ib {
        cc: *b"GR",
        len: 27,
        spec: b"3n4n16c",
        nat: Nat::None,
    },
    Ib {
        cc: *b"HR",
        len: 21,
        spec: b"7n10n",
        nat: Nat::Hr,
    },
    Ib {
        cc: *b"HU",
        len: 28,
        spec: b"3n4n1n15n1n",
        nat: Nat::Hu,
    },
    Ib {
        cc: *b"IE",
        len: 22,
        spec: b"4a6n8n",
        nat: Nat::None,
    },
    Ib {
        cc: *b"IS",
        len: 26,
        spec: b"4n2n6n10n",
        nat: Nat::Is,
    },
    Ib {
        cc: *b"IT",
        len: 27,
        spec: b"1a5n5n12c",
        nat: Nat::ItCin,
    },
    Ib {
        cc: *b"JO",
        len: 30,
        spec: b"4a4n18c",
        nat: Nat::None,
    },
    Ib {
        cc: *b"LI",
        len: 21,
        spec: b"5n12c",
        nat: Nat::None,
    },
    Ib {
        cc: *b"LT",
        len: 20,
        spec: b"5n11n",
        nat: Nat::None,
    },
    Ib {
        cc: *b"MC",
        len: 27,
        spec: b"5n5n11c2n",
        nat: Nat::FrRib,
    },
    Ib {
        cc: *b"ME",
        len: 22,
        spec: b"3n13n2n",
        nat: Nat::Mod97One,
    },
    Ib {
        cc: *b"MK",
        len: 19,
        spec: b"3n10c2n",
        nat: Nat::Mod97One,
    },
    Ib {
        cc: *b"MR",
        len: 27,
        spec: b"5n5n11n2n",
        nat: Nat::Mod97Zero,
    },
    Ib {
        cc: *b"MT",
        len: 31,
        spec: b"4a5n18c",
        nat: Nat::None,
    },
    Ib {
        cc: *b"MU",
        len: 30,
        spec: b"4a2n2n12n3n3a",
        nat: Nat::None,
    },
    Ib {
        cc: *b"NL",
        len: 18,
        spec: b"4a10n",
        nat: Nat::None,
    },
    Ib {
        cc: *b"PL",
        len: 28,
        spec: b"8n16n",
        nat: Nat::Pl,
    },
    Ib {
        cc: *b"PT",
        len: 25,
        spec: b"4n4n11n2n",
        nat: Nat::Mod97One,
    },
    Ib {
        cc: *b"RS",
        len: 22,
        spec: b"3n13n2n",
        nat: Nat::Mod97One,
    },
    Ib {
        cc: *b"SE",
        len: 24,
        spec: b"3n16n1n",
        nat: Nat::None,
    },
    Ib {
        cc: *b"SI",
        len: 19,
        spec: b"5n8n2n",
        nat: Nat::Mod97One,
    },
    Ib {
        cc: *b"SK",
        len: 24,
        spec: b"4n6n10n",
        nat: Nat::CzSk,
    },
    Ib {
        cc: *b"SM",
        len: 27,
        spec: b"1a5n5n12c",
        nat: Nat::ItCin,
    },
    Ib {
        cc: *b"SN",
        len: 28,
        spec: b"1a1c22n",
        nat: Nat::None,
    },
    Ib {
        cc: *b"TL",
        len: 23,
        spec: b"3n14n2n",
        nat: Nat::Mod97One,
    },
    Ib {
        cc: *b"TN",
        len: 24,
        spec: b"2n3n13n2n",
        nat: Nat::Mod97Zero,
    },
    Ib {
        cc: *b"TR",
        len: 26,
        spec: b"5n1n16c",
        nat: Nat::Tr,
    },
    Ib {
        cc: *b"UA",
        len: 29,
        spec: b"6n19c",
        nat: Nat::None,
    },
    Ib {
        cc: *b"VG",
        len: 24,
        spec: b"4a16n",
        nat: Nat::None,
    },
    Ib {
        cc: *b"XK",
        len: 20,
        spec: b"4n10n2n",
        nat: Nat::None,
    },
];

fn country(cc: &[u8]) -> Option<&'static Ib> {
    IBANS.iter().find(|c| c.cc == cc)
}

/// BBAN characters follow the registry structure.
pub(super) fn bban_shape_ok(spec: &[u8], b: &[u8]) -> bool {
    let mut pos = 0;
    let mut count = 0usize;
    for &s in spec {
        if s.is_ascii_digit() {
            count = count * 10 + (s - b'0') as usize;
            continue;
        }
        if pos + count > b.len() {
            return false;
        }
        let ok = b[pos..pos + count].iter().all(|&c| match s {
            b'n' => c.is_ascii_digit(),
            b'a' => c.is_ascii_uppercase(),
            _ => c.is_ascii_digit() || c.is_ascii_uppercase(),
        });
        if !ok {
            return false;
        }
        pos += count;
        count = 0;
    }
    pos == b.len()
}

/// Full IBAN check on upper-cased alphanumerics: known country, exact
/// length, registry structure, check digits 02–98, mod 97 = 1, national
/// BBAN check, BBAN not one repeated character.
pub(super) fn iban_chars_ok(a: &[u8]) -> bool {
    if a.len() < 5 {
        return false;
    }
    let Some(c) = country(&a[..2]) else {
        return false;
    };
    if a.len() != c.len || !a[2].is_ascii_digit() || !a[3].is_ascii_digit() {
        return false;
    }
    let check = dv(a[2]) * 10 + dv(a[3]);
    if !(2..=98).contains(&check) {
        return false;
    }
    let bban = &a[4..];
    if !bban_shape_ok(c.spec, bban) || bban.iter().all(|&x| x == bban[0]) {
        return false;
    }
    if mod97(bban.iter().chain(&a[..4]).copied()) != 1 {
        return false;
    }
    national_ok(c.nat, bban)
}

/// An IBAN as matched (compact or in groups of four).
pub(super) fn iban(v: &[u8]) -> bool {
    iban_chars_ok(alnum_upper(v).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::validate::Validator;

    fn check(f: Validator, name: &str, cases: &[(&str, bool)]) {
        for (s, ok) in cases {
            assert_eq!(f(s.as_bytes()), *ok, "{name}({s:?})");
        }
    }

    #[test]
    fn ibans() {
        check(
            iban,
            "iban",
            &[
                ("DE89370400440532013000", true),
                ("DE89 3704 0044 0532 0130 00", true),
                ("DE88370400440532013000", false),
                ("DE8937040044053201300", false),
                ("DE63070400440532013000", false), // mod-97 ok, BLZ cannot start with 0
                ("GB29NWBK60161331926819", true),
                ("GB29NWBK6016133192681", false),
                ("FR1420041010050500013M02606", true),
                ("FR7630006000011234567890189", true),
                ("FR7630006000011234567890188", false),
                ("IT60X0542811101000000123456", true),
                ("ES9121000418450200051332", true),
                ("HU42117730161111101800000000", true),
                ("HR1210010051863000160", true),
                ("EE382200221020145685", true),
                ("IS140159260076545510730339", true),
                ("TR330006100519786457841326", true),
                ("SK3112000000198742637541", true),
                ("CZ6508000000192000145399", true),
                ("PL61109010140000071219812874", true),
                ("FI2112345600000785", true),
                ("PT50000201231234567890154", true),
                ("SI56263300012039086", true),
                ("BA391290079401028494", true),
                ("ME25505000012345678951", true),
                ("MK07250120000058984", true),
                ("RS35260005601001611379", true),
                ("TL380080012345678910157", true),
                ("MR1300020001010000123456753", true),
                ("TN5910006035183598478831", true),
                ("MC5811222000010123456789030", true),
                ("SM86U0322509800000000270100", true),
                ("SN08SN0100152000048500003035", true),
                ("BR1800360305000010009795493C1", true),
                ("MU17BOMM0101101030300200000MUR", true),
                ("UA213223130000026007233566001", true),
                ("XK051212012345678906", true),
                ("VG96VPVG0000012345678901", true),
                ("AE070331234567890123456", true),
                ("CH9300762011623852957", true),
                ("LI21088100002324013AA", true),
                ("BA390346580747895352", true),
                ("BA860946580747895352", false), // mod-97 ok, national check fails
                ("ME25523872583719884583", true),
                ("ME44523872533719884583", false), // mod-97 ok, national check fails
                ("MK07591853428064044", true),
                ("MK22591853428064744", false), // mod-97 ok, national check fails
                ("PT50150286792482417649069", true),
                ("PT03150286192482417649069", false), // mod-97 ok, national check fails
                ("RS35137685372877472861", true),
                ("RS45133685372877472861", false), // mod-97 ok, national check fails
                ("SI56970141477856783", true),
                ("SI94970041477856783", false), // mod-97 ok, national check fails
                ("TL385977522040127439190", true),
                ("TL705977522040127439390", false), // mod-97 ok, national check fails
                ("MR1318455011122240026381473", true),
                ("MR4018455011122220026381473", false), // mod-97 ok, national check fails
                ("TN5972940857835940588283", true),
                ("TN0372943857835940588283", false), // mod-97 ok, national check fails
                ("FR7604701829428272224987054", true),
                ("FR1404701829428272224287054", false), // mod-97 ok, national check fails
                ("MC5829499192878661611571281", true),
                ("MC0229499192871661611571281", false), // mod-97 ok, national check fails
                ("IT50E8727126945000264489539", true),
                ("IT25E8727136945000264489539", false), // mod-97 ok, national check fails
                ("SM98G7978912166385419527060", true),
                ("SM83G7978912166385419827060", false), // mod-97 ok, national check fails
                ("ES7800618793369884960482", true),
                ("ES7100618793367884960482", false), // mod-97 ok, national check fails
                ("CZ1867598236996009604713", true),
                ("CZ4767598236996009606713", false), // mod-97 ok, national check fails
                ("SK5987188751575938857921", true),
                ("SK0587188751575938857923", false), // mod-97 ok, national check fails
                ("EE167923768777626188", true),
                ("EE617923767777626188", false), // mod-97 ok, national check fails
                ("FI2256929513327059", true),
                ("FI3756929503327059", false), // mod-97 ok, national check fails
                ("IS620640030300648734131902", true),
                ("IS030640030300645734131902", false), // mod-97 ok, national check fails
                ("PL45171659925000118420563807", true),
                ("PL98171657925000118420563807", false), // mod-97 ok, national check fails
                ("HU25299971893729090526506662", true),
                ("HU81299971793729090526506662", false), // mod-97 ok, national check fails
                ("HR6648264441144903895", true),
                ("HR8148264441144603895", false), // mod-97 ok, national check fails
                ("TR098669170618633465107795", false), // reserved digit not 0
                ("NL91ABNA0417164300", true),
                ("NL91ABNA041716430", false),
                ("BE68539007547034", false), // Belgium is not among the 52
                ("XX89370400440532013000", false),
                ("", false),
                ("D", false),
            ],
        );
    }
}
