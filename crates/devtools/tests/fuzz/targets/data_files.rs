//! Data files made from the real ones: records picked (sometimes another file's), fields
//! dropped, added, swapped or given odd values, quotes given numbers they really write; and
//! nesting deeper than any parser's limit. For the loader, the deck and the body.

use fastrand::Rng;
use serde_json::{json, Map, Value};
use sportdash_core::numerals;

use crate::corpus::{corpus, FileShape};
use crate::mutate::{mutate, pick, random_string, size, weird, NUMERALS, WORDS};

const ENUM_VALUES: &[&str] = &[
    "exact",
    "approximate",
    "at_least",
    "at_most",
    "range",
    "reported",
    "target",
    "stated",
    "report_period",
    "publication_date",
    "province",
    "city",
    "district",
    "medals",
    "events",
    "facilities",
    "industry",
    "talent",
    "governance",
    "Exact",
    "AtLeast",
    "unknown",
];

const UNIT_VALUES: &[&str] = &[
    "元",
    "万元",
    "亿元",
    "平方米",
    "万平方米",
    "人",
    "名",
    "万人",
    "人次",
    "名次",
    "分",
    "%",
    "个",
    "枚",
    "场",
    "届",
    "周期",
    "千元",
    "万万元",
    "",
    " 人",
];

/// Fields records do not have, or have only some of the time.
const EXTRA_FIELDS: &[&str] = &[
    "value_max",
    "year_note",
    "context",
    "note",
    "parent",
    "caption",
];

/// A JSON value that might upset a loader.
pub fn odd_value(rng: &mut Rng, depth: u32) -> Value {
    let corpus = corpus();
    match rng.u8(0..18) {
        0 => Value::Null,
        1 => Value::Bool(rng.bool()),
        2 => json!(-0.0),
        3 => json!(*pick(
            rng,
            &[0.0, 1e308, f64::MAX, 5e-324, 0.1, 2.26, 1.0e15, -1.0]
        )),
        4 => json!(*pick(rng, &[u64::MAX, 0, 1, 2021, 9_007_199_254_740_993])),
        5 => json!(*pick(
            rng,
            &[i64::MIN, -1, 1989, 1990, 2035, 2036, 2_147_483_648]
        )),
        6 => json!(rng.i64(..)),
        7 => json!(rng.i32(1980..2040)),
        8 => Value::String(String::new()),
        9 => Value::String(pick(rng, ENUM_VALUES).to_string()),
        10 => Value::String(pick(rng, UNIT_VALUES).to_string()),
        11 => Value::String(pick(rng, &corpus.ids).clone()),
        12 => Value::String(weird(rng, 4096)),
        13 => Value::String(format!(
            "{}{}{}",
            pick(rng, WORDS),
            pick(rng, NUMERALS),
            pick(rng, WORDS)
        )),
        14 => json!({"zh": pick(rng, NUMERALS), "en": weird(rng, 64)}),
        15 if depth < 8 => Value::Array(
            (0..rng.usize(0..4))
                .map(|_| odd_value(rng, depth + 1))
                .collect(),
        ),
        16 if depth < 8 => {
            let mut object = Map::new();
            for _ in 0..rng.usize(0..4) {
                object.insert(weird(rng, 16), odd_value(rng, depth + 1));
            }
            Value::Object(object)
        }
        _ => Value::String(random_string(rng, 64)),
    }
}

/// Mutates a record: a field dropped, added, retyped, given an odd value, its text changed, or
/// (for observations) its value and quote given another number that the quote writes.
pub fn mutate_record(rng: &mut Rng, record: &mut Value, depth: u32) {
    let Value::Object(fields) = record else {
        *record = odd_value(rng, depth);
        return;
    };
    let keys: Vec<String> = fields.keys().cloned().collect();
    let Some(key) = (!keys.is_empty()).then(|| pick(rng, &keys).clone()) else {
        fields.insert(weird(rng, 16), odd_value(rng, depth));
        return;
    };
    match rng.u8(0..8) {
        0 => {
            fields.remove(&key);
        }
        1 => add_field(rng, fields, depth),
        2 | 3 => {
            fields.insert(key, odd_value(rng, depth));
        }
        4 => mutate_field(rng, fields, &key, depth),
        5 if fields.contains_key("source") => quote_another_number(rng, fields),
        6 => {
            let other = pick(rng, &keys).clone();
            swap_fields(fields, key, other);
        }
        _ => give_plausible_value(rng, fields, key),
    }
}

fn add_field(rng: &mut Rng, fields: &mut Map<String, Value>, depth: u32) {
    let name = if rng.bool() {
        weird(rng, 16)
    } else {
        pick(rng, EXTRA_FIELDS).to_string()
    };
    fields.insert(name, odd_value(rng, depth));
}

/// A text field mutated as text, anything else as a record.
fn mutate_field(rng: &mut Rng, fields: &mut Map<String, Value>, key: &str, depth: u32) {
    if let Some(Value::String(text)) = fields.get_mut(key) {
        mutate(rng, text, WORDS, &corpus().sentences, 4096);
    } else if let Some(inner) = fields.get_mut(key) {
        if depth < 8 {
            mutate_record(rng, inner, depth + 1);
        }
    }
}

/// A number the quote really writes, so validation goes on past the quote check.
fn quote_another_number(rng: &mut Rng, fields: &mut Map<String, Value>) {
    let fragment = *pick(rng, NUMERALS);
    let numbers = numerals::numbers_in(fragment);
    let Some(&value) = numbers.first() else {
        return;
    };
    fields.insert("value".into(), json!(value));
    if numbers.len() > 1 && rng.bool() {
        fields.insert("value_max".into(), json!(numbers[1]));
        fields.insert("qualifier".into(), json!("range"));
    }
    let quote = format!("{}{fragment}{}", pick(rng, WORDS), pick(rng, WORDS));
    fields.insert(
        "source".into(),
        json!({"doc": pick(rng, &corpus().ids), "quote": quote}),
    );
}

fn swap_fields(fields: &mut Map<String, Value>, key: String, other: String) {
    if let (Some(a), Some(b)) = (fields.get(&key).cloned(), fields.get(&other).cloned()) {
        fields.insert(key, b);
        fields.insert(other, a);
    }
}

/// A number at a bound, or an id the data knows.
fn give_plausible_value(rng: &mut Rng, fields: &mut Map<String, Value>, key: String) {
    if let Some(Value::Number(_)) = fields.get(&key) {
        let number = *pick(rng, &[-1.0, 0.0, -0.0, 0.5, 1e20, 2036.0, 1989.0, 2.5e-8]);
        fields.insert(key, json!(number));
    } else {
        fields.insert(key, Value::String(pick(rng, &corpus().ids).clone()));
    }
}

/// Up to eight records picked from `records`, each mutated a few times.
fn picked_records(rng: &mut Rng, records: &[Value]) -> Vec<Value> {
    let count = if records.is_empty() { 0 } else { size(rng, 8) };
    let mut picked: Vec<Value> = (0..count).map(|_| pick(rng, records).clone()).collect();
    for record in &mut picked {
        for _ in 0..rng.usize(0..3) {
            mutate_record(rng, record, 0);
        }
    }
    picked
}

/// A data file made from `shape`: some of its records (and records of files like it), mutated,
/// under a top level that is sometimes changed too.
pub fn structured_file(rng: &mut Rng, shape: &FileShape) -> String {
    let (mut top, key) = (shape.top.clone(), shape.key);
    top.insert(
        key.to_string(),
        Value::Array(picked_records(rng, &shape.records)),
    );
    match rng.u8(0..12) {
        0 => {
            top.remove(key);
        }
        1 => {
            top.insert(key.to_string(), odd_value(rng, 0));
        }
        2 => {
            top.insert("dataset".into(), odd_value(rng, 0));
        }
        3 => {
            top.insert(weird(rng, 16), odd_value(rng, 0));
        }
        4 => return Value::Array(vec![Value::Object(top)]).to_string(),
        // A key given twice, the second an empty list: it once emptied a file silently.
        5 => {
            let text = Value::Object(top).to_string();
            let repeated = if rng.bool() { key } else { "dataset" };
            return format!("{},\"{repeated}\":[]}}", &text[..text.len() - 1]);
        }
        _ => {}
    }
    let top = Value::Object(top);
    if rng.bool() {
        top.to_string()
    } else {
        serde_json::to_string_pretty(&top).unwrap_or_default()
    }
}

/// Nesting deeper than any parser's limit, with a record's start around it.
pub fn deep_json(rng: &mut Rng, max_len: usize) -> String {
    let depth = size(rng, max_len / 2).max(1);
    let (open, close) = *pick(
        rng,
        &[("[", "]"), ("{\"a\":", "}"), ("[{\"observations\":", "}]")],
    );
    let closed = rng.bool();
    let mut text = String::from("{\"observations\": ");
    text.push_str(&open.repeat(depth));
    if closed {
        text.push_str(&close.repeat(depth));
        text.push('}');
    }
    text
}
