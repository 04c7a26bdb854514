//! `sportdash merge`: a reviewed proposals file into the data directory. Nothing is written
//! unless every record is reviewed, every accepted one is complete and new, and the whole merged
//! directory passes `validate`'s checks.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use sportdash_core::files;
use sportdash_core::load::{self, ENTITIES_FILE, REPORTS_FILE};
use sportdash_core::model::{Catalog, Category, Dataset, Entity, Observation, Report};
use sportdash_core::validate::ReportTexts;
use sportdash_extract::review::{Proposal, Proposals, Review, PROPOSALS_FORMAT};

use crate::data_files;

/// Merges `file` into `data_dir` (or, with `dry_run`, checks that it would), printing what was
/// merged or why nothing was.
pub fn run(file: &Path, data_dir: &Path, reports: Option<&Path>, dry_run: bool) -> ExitCode {
    match merge(file, data_dir, reports, dry_run) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("sportdash merge: {why}");
            ExitCode::FAILURE
        }
    }
}

fn merge(
    file: &Path,
    data_dir: &Path,
    reports_dir: Option<&Path>,
    dry_run: bool,
) -> Result<String, String> {
    let proposals = read_proposals(file)?;
    let accepted = accepted(&proposals)?;
    let reports = reports_dir
        .map(files::read_reports)
        .transpose()
        .map_err(|e| format!("cannot read the reports: {e}"))?;
    let (catalog, datasets) = read_data(data_dir, reports.as_ref())?;
    let plan = Plan::new(&proposals, accepted, &catalog, &datasets)?;
    for note in &plan.notes {
        eprintln!("note: {note}");
    }
    if plan.placed.is_empty() {
        return Ok(format!(
            "nothing to merge from {}: no record is accepted ({} rejected)",
            file.display(),
            proposals.counts().rejected
        ));
    }
    let edits = plan.edits(data_dir)?;
    check_merged(data_dir, &edits, reports.as_ref())?;
    if !dry_run {
        write(data_dir, &edits)?;
    }
    Ok(plan.summary(file, data_dir, dry_run))
}

/// What `merge` reads.
const READS: &str =
    "merge reads the proposals file that `sportdash ingest` or the review page writes";

fn read_proposals(file: &Path) -> Result<Proposals, String> {
    let name = file.display();
    let bytes = files::read_bounded(file, load::MAX_BYTES)
        .map_err(|e| format!("cannot read {name}: {e}"))?;
    let text =
        String::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8 text: {READS}"))?;
    let text = load::without_bom(&text);
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("{name} is not JSON ({e}): {READS}"))?;
    match value.get("format").and_then(|f| f.as_str()) {
        Some(PROPOSALS_FORMAT) => {}
        Some(other) => {
            return Err(format!(
                "{name} is a \"{other}\" file, not a proposals file (\"{PROPOSALS_FORMAT}\"): {READS}"
            ))
        }
        None => {
            return Err(format!(
                "{name} is not a proposals file (it has no \"format\": \"{PROPOSALS_FORMAT}\"): {READS}"
            ))
        }
    }
    serde_json::from_str(text)
        .map_err(|e| format!("{name} is a proposals file with a mistake: {e}"))
}

/// A record as a person finds it in the file: its number (from 1), value, unit and quote.
fn record_name(index: usize, record: &Proposal) -> String {
    let mut quote: String = record.source.quote.chars().take(40).collect();
    if quote.len() < record.source.quote.len() {
        quote.push('…');
    }
    let value = match record.value_max {
        Some(max) => format!("{}–{}", number(record.value), number(max)),
        None => number(record.value),
    };
    format!("record {} ({value}{}, “{quote}”)", index + 1, record.unit)
}

fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 9e15 {
        format!("{}", value as i64)
    } else {
        value.to_string()
    }
}

/// The accepted records as observations, with their index in the file; refused while any
/// record is still to review, or an accepted one has a field open.
fn accepted(proposals: &Proposals) -> Result<Vec<(usize, Observation)>, String> {
    let records = &proposals.records;
    let open: Vec<usize> = (0..records.len())
        .filter(|&i| records[i].review == Review::Proposed)
        .collect();
    if let Some(&first) = open.first() {
        let count = match open.len() {
            1 => "1 record is".to_string(),
            n => format!("{n} records are"),
        };
        return Err(format!(
            "{count} not reviewed yet (first: {}): mark each accepted or rejected",
            record_name(first, &records[first])
        ));
    }
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for (i, record) in records.iter().enumerate() {
        if record.review != Review::Accepted {
            continue;
        }
        match record.observation() {
            Ok(observation) => found.push((i, observation)),
            Err(field) => problems.push(format!(
                "{}: field `{field}` is not filled in: fill it in, or reject the record",
                record_name(i, record)
            )),
        }
    }
    if problems.is_empty() {
        Ok(found)
    } else {
        Err(problems.join("\n"))
    }
}

/// The data directory's catalog and observations, refused where it has errors already: a merge
/// would not pass, and the errors would not be the file's.
fn read_data(
    data_dir: &Path,
    reports: Option<&ReportTexts>,
) -> Result<(Catalog, Vec<Dataset>), String> {
    let checked = files::check_dir(data_dir, reports);
    let errors: Vec<String> = checked.errors().map(|d| d.to_string()).collect();
    match checked.catalog {
        Some(catalog) if errors.is_empty() => Ok((catalog, checked.datasets)),
        _ => Err(format!(
            "{} has {} errors already; fix them first (`sportdash validate` lists them). The first: {}",
            data_dir.display(),
            errors.len(),
            errors.first().map_or("the catalogue cannot be read", String::as_str)
        )),
    }
}

/// An accepted observation and the data file it goes to.
struct Placed {
    file: String,
    category: Category,
    observation: Observation,
}

/// What a merge adds, and what a person should know about it.
struct Plan<'a> {
    proposals: &'a Proposals,
    report: Option<Report>,
    entities: Vec<Entity>,
    placed: Vec<Placed>,
    notes: Vec<String>,
}

impl<'a> Plan<'a> {
    fn new(
        proposals: &'a Proposals,
        accepted: Vec<(usize, Observation)>,
        catalog: &Catalog,
        datasets: &[Dataset],
    ) -> Result<Self, String> {
        let notes = duplicates(proposals, &accepted, datasets)?;
        if !accepted.is_empty() {
            same_report(proposals, catalog)?;
        }
        let adds_report = !accepted.is_empty() && catalog.report(&proposals.report.doc).is_none();
        let placed = place(proposals, accepted, catalog)?;
        let mut used: Vec<&str> = placed
            .iter()
            .map(|p| p.observation.entity.as_str())
            .collect();
        if adds_report {
            used.push(&proposals.report.entity);
        }
        let entities = new_entities(proposals, used, catalog)?;
        Ok(Plan {
            proposals,
            report: adds_report.then(|| proposals.report.clone()),
            entities,
            placed,
            notes,
        })
    }

    /// Each changed data file's new text, relative to the data directory.
    fn edits(&self, data_dir: &Path) -> Result<Vec<Edit>, String> {
        let mut edits = Vec::new();
        if let Some(report) = &self.report {
            edits.push(appended(
                data_dir,
                REPORTS_FILE,
                "reports",
                None,
                &[report],
            )?);
        }
        if !self.entities.is_empty() {
            let entities: Vec<&Entity> = self.entities.iter().collect();
            edits.push(appended(
                data_dir,
                ENTITIES_FILE,
                "entities",
                None,
                &entities,
            )?);
        }
        let mut by_file: BTreeMap<&str, (Category, Vec<&Observation>)> = BTreeMap::new();
        for placed in &self.placed {
            by_file
                .entry(&placed.file)
                .or_insert((placed.category, Vec::new()))
                .1
                .push(&placed.observation);
        }
        for (file, (category, observations)) in by_file {
            let dataset = Some(category.id());
            edits.push(appended(
                data_dir,
                file,
                "observations",
                dataset,
                &observations,
            )?);
        }
        Ok(edits)
    }

    fn summary(&self, file: &Path, data_dir: &Path, dry_run: bool) -> String {
        let mut counts: Vec<(Category, usize)> = Category::ALL
            .into_iter()
            .map(|c| (c, self.placed.iter().filter(|p| p.category == c).count()))
            .filter(|&(_, n)| n > 0)
            .collect();
        counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        let sections: Vec<String> = counts
            .iter()
            .map(|(c, n)| format!("{n} in {}", c.id()))
            .collect();
        let mut parts = vec![sections.join(", ")];
        for entity in &self.entities {
            parts.push(format!("new place {} ({})", entity.name.zh, entity.id));
        }
        if let Some(report) = &self.report {
            parts.push(format!("new report {}", report.doc));
        }
        let rejected = self.proposals.counts().rejected;
        if rejected > 0 {
            parts.push(format!("{rejected} rejected left out"));
        }
        let n = self.placed.len();
        let records = if n == 1 { "record" } else { "records" };
        let (file, dir) = (file.display(), data_dir.display());
        let merged = format!("{n} {records} from {file} into {dir}: {}", parts.join("; "));
        if dry_run {
            format!("dry run, nothing written: would merge {merged}")
        } else {
            format!("merged {merged}")
        }
    }
}

/// The report is in `reports.json` already only as the file gives it.
fn same_report(proposals: &Proposals, catalog: &Catalog) -> Result<(), String> {
    let report = &proposals.report;
    match catalog.report(&report.doc) {
        Some(there) if there != report => Err(format!(
            "the report {} is in reports.json with other details ({}): make them the same, or \
             name the report's file differently",
            report.doc,
            differing_fields(there, report).join(", ")
        )),
        _ => Ok(()),
    }
}

/// The fields in which two records differ, by name.
fn differing_fields<T: Serialize>(a: &T, b: &T) -> Vec<String> {
    let object = |v: &T| match serde_json::to_value(v) {
        Ok(serde_json::Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    };
    let (a, b) = (object(a), object(b));
    let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .cloned()
        .collect()
}

/// The file's new places that the merged records and report need (with their parents), in the
/// file's order; a place `entities.json` has must be as the file gives it.
fn new_entities<'a>(
    proposals: &'a Proposals,
    mut wanted: Vec<&'a str>,
    catalog: &Catalog,
) -> Result<Vec<Entity>, String> {
    let mut needed = HashSet::new();
    while let Some(id) = wanted.pop() {
        if !needed.insert(id) {
            continue;
        }
        let new = proposals.new_entities.iter().find(|e| e.id == id);
        match (catalog.entity(id), new) {
            (Some(there), Some(new)) if there != new => {
                return Err(format!(
                    "the new place {} ({id}) is in entities.json with other details ({}): use \
                     that one, or another id",
                    new.name.zh,
                    differing_fields(there, new).join(", ")
                ))
            }
            (None, Some(new)) => wanted.extend(new.parent.as_deref()),
            (None, None) => {
                return Err(format!(
                    "the place \"{id}\" is neither in entities.json nor among the file's new places"
                ))
            }
            (Some(_), _) => {}
        }
    }
    Ok(proposals
        .new_entities
        .iter()
        .filter(|e| needed.contains(e.id.as_str()) && catalog.entity(&e.id).is_none())
        .cloned()
        .collect())
}

/// Each observation with the file its indicator's records are kept in.
fn place(
    proposals: &Proposals,
    accepted: Vec<(usize, Observation)>,
    catalog: &Catalog,
) -> Result<Vec<Placed>, String> {
    let mut placed = Vec::new();
    let mut problems = Vec::new();
    for (i, observation) in accepted {
        let name = || record_name(i, &proposals.records[i]);
        let entity = &observation.entity;
        if catalog.entity(entity).is_none()
            && !proposals.new_entities.iter().any(|e| &e.id == entity)
        {
            problems.push(format!(
                "{}: the place \"{entity}\" is neither in entities.json nor among the file's new places",
                name()
            ));
            continue;
        }
        let Some(indicator) = catalog.indicator(&observation.indicator) else {
            problems.push(format!(
                "{}: the indicator \"{}\" is not in indicators.json",
                name(),
                observation.indicator
            ));
            continue;
        };
        let file = match &indicator.file {
            Some(file) => file.clone(),
            // A split section is read from its indicators' files only.
            None if catalog.is_split(indicator.category) => {
                problems.push(format!(
                    "{}: the indicator \"{}\" has no file of its own, and its section is kept \
                     one file per indicator",
                    name(),
                    indicator.id
                ));
                continue;
            }
            None => indicator.category.dataset_file(),
        };
        placed.push(Placed {
            file,
            category: indicator.category,
            observation,
        });
    }
    if problems.is_empty() {
        Ok(placed)
    } else {
        Err(problems.join("\n"))
    }
}

/// Refuses a record given twice in the file, or already in the data from the same report (the
/// validator's rule); notes one that another report gives too, which the dashboard shows beside it.
fn duplicates(
    proposals: &Proposals,
    accepted: &[(usize, Observation)],
    datasets: &[Dataset],
) -> Result<Vec<String>, String> {
    type Key = (String, i32, String, String);
    let mut existing: HashMap<Key, Vec<&Observation>> = HashMap::new();
    for o in datasets.iter().flat_map(|d| &d.observations) {
        existing.entry(o.key()).or_default().push(o);
    }
    let mut in_file: HashMap<Key, usize> = HashMap::new();
    let (mut problems, mut notes) = (Vec::new(), Vec::new());
    for (i, o) in accepted {
        let name = record_name(*i, &proposals.records[*i]);
        if let Some(first) = in_file.insert(o.key(), *i) {
            problems.push(format!(
                "{name} repeats {}: the same place, year, indicator and context ({})",
                record_name(first, &proposals.records[first]),
                o.label()
            ));
        }
        for there in existing.get(&o.key()).into_iter().flatten() {
            let given = format!(
                "{} from {} (“{}”)",
                there.label(),
                there.source.doc,
                there.source.quote
            );
            if there.source.doc == o.source.doc {
                problems.push(format!("{name} is in the data already: {given}"));
            } else {
                notes.push(format!(
                    "{name} is also given by another report: {given}; the dashboard shows both"
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(notes)
    } else {
        Err(format!(
            "duplicates, nothing merged:\n{}",
            problems.join("\n")
        ))
    }
}

/// A data file's new text, by its path in the data directory.
struct Edit {
    file: String,
    text: String,
}

/// The data file `file` (a new one if it is not there) with `records` added to its `key` list.
fn appended<T: Serialize>(
    data_dir: &Path,
    file: &str,
    key: &str,
    dataset: Option<&str>,
    records: &[T],
) -> Result<Edit, String> {
    let path = data_dir.join(file);
    let text = if path.exists() {
        let bytes = files::read_bounded(&path, load::MAX_BYTES)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text", path.display()))?
    } else {
        data_files::new_file(file, key, dataset)
    };
    let records = records
        .iter()
        .map(data_files::to_json)
        .collect::<Result<Vec<_>, _>>()?;
    let text = data_files::append(file, &text, key, &records)?;
    Ok(Edit {
        file: file.to_string(),
        text,
    })
}

/// Checks the merged data as `validate` does, on a copy of the directory's data files.
fn check_merged(
    data_dir: &Path,
    edits: &[Edit],
    reports: Option<&ReportTexts>,
) -> Result<(), String> {
    let copy = TempDir::new()?;
    copy_data_files(data_dir, &copy.0)
        .map_err(|e| format!("cannot copy the data to check it: {e}"))?;
    for edit in edits {
        let path = copy.0.join(&edit.file);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("cannot check the merge: {e}"))?;
        }
        fs::write(&path, &edit.text).map_err(|e| format!("cannot check the merge: {e}"))?;
    }
    let checked = files::check_dir(&copy.0, reports);
    let errors: Vec<String> = checked.errors().map(|d| d.to_string()).collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the merged data would not pass `sportdash validate`, nothing merged:\n{}",
            errors.join("\n")
        ))
    }
}

/// A directory of its own under the system's temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<Self, String> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path =
            std::env::temp_dir().join(format!("sportdash-merge-{}-{nanos}", std::process::id()));
        fs::create_dir_all(&path).map_err(|e| format!("cannot check the merge: {e}"))?;
        Ok(TempDir(path))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Every `.json` file under `from`, at the same place under `to`.
fn copy_data_files(from: &Path, to: &Path) -> std::io::Result<()> {
    for entry in fs::read_dir(from)? {
        let path = entry?.path();
        let target = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            fs::create_dir_all(&target)?;
            copy_data_files(&path, &target)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            fs::copy(&path, &target)?;
        }
    }
    Ok(())
}

/// Writes every edit beside its file first, then moves them all into place: a failure while
/// writing leaves the data as it was.
fn write(data_dir: &Path, edits: &[Edit]) -> Result<(), String> {
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    for edit in edits {
        let path = data_dir.join(&edit.file);
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let staging = path.with_file_name(format!(".{name}.merging"));
        let written = path
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::write(&staging, &edit.text));
        if let Err(e) = written {
            for (staging, _) in &staged {
                let _ = fs::remove_file(staging);
            }
            let _ = fs::remove_file(&staging);
            return Err(format!(
                "cannot write {}: {e}; nothing merged",
                path.display()
            ));
        }
        staged.push((staging, path));
    }
    for (staging, path) in &staged {
        fs::rename(staging, path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}
