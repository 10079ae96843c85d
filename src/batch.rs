//! Many pairs at once: a manifest of pairs, run in parallel, one output per pair and a
//! summary, resumable, and shardable across the tasks of a job array.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;
use serde::Serialize;

use crate::align::{AlignOptions, Alignment, align, align_all};
use crate::check::{Severity, check};
use crate::error::{Error, ErrorKind, Result};
use crate::load::{LoadOptions, load};
use crate::model::Document;
use crate::write::{self, AlignmentOutput, Format};

/// What each pair gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The alignment, in any format `align` writes.
    Align(Format),
    /// The findings of `check`, as text or JSON.
    Check(Format),
}

impl Mode {
    fn extension(self) -> &'static str {
        match self {
            Mode::Align(f) | Mode::Check(f) => f.extension(),
        }
    }
}

/// How a batch runs each pair.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// What each pair gets.
    pub mode: Mode,
    /// Run pairs whose output is newer than their inputs too.
    pub force: bool,
    /// How the first and second text of each pair are read.
    pub load: [LoadOptions; 2],
    /// Align all pairs that run with one lexicon, learned from all of them
    /// ([`align_all`]): many short texts learn more together than each alone. Each
    /// pair's output then depends on the other pairs run with it (those of its shard,
    /// not those skipped), and all texts are in memory at once.
    pub one_lexicon: bool,
}

impl BatchOptions {
    /// Aligning (or checking) in `mode`, reading every text with the defaults.
    pub fn new(mode: Mode) -> Self {
        BatchOptions { mode, force: false, load: [LoadOptions::default(), LoadOptions::default()], one_lexicon: false }
    }
}

/// One row of the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Job {
    /// The 0-based index of the row among the manifest's rows.
    pub index: usize,
    /// Its id (given, or `row` and its 1-based number).
    pub id: String,
    /// The first text.
    pub a: PathBuf,
    /// The second text.
    pub b: PathBuf,
    /// Where its output goes.
    pub out: PathBuf,
    /// Why the row cannot run, if it cannot (a bad row, an output named twice).
    pub problem: Option<String>,
}

/// How a pair went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Done, output written.
    Ok,
    /// The output is newer than both inputs: not run again.
    Skipped,
    /// Not done; see the message.
    Failed,
}

/// One row of the summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// The pair's id.
    pub id: String,
    /// The first text.
    pub a: String,
    /// The second text.
    pub b: String,
    /// Its output.
    pub out: String,
    /// How it went.
    pub status: Status,
    /// Units of the first text.
    pub units_a: Option<usize>,
    /// Units of the second text.
    pub units_b: Option<usize>,
    /// Pairs of the alignment.
    pub pairs: Option<usize>,
    /// The mean confidence of the pairs.
    pub mean_score: Option<f64>,
    /// Errors and warnings `check` finds.
    pub findings: Option<usize>,
    /// What went wrong, for a failed pair.
    pub message: String,
}

/// Reads a manifest: CSV with a header naming `a`, `b` and optionally `out` and `id`,
/// or JSON lines with those keys. Relative paths are relative to the manifest's folder;
/// outputs not named go to `out_dir` as `ID.EXT`. Rows that cannot run are kept, with
/// their problem, so that the summary reports them.
pub fn read_manifest(bytes: &[u8], path: &Path, out_dir: &Path, mode: Mode) -> Result<Vec<Job>> {
    let bad = |why: String| Error::new(ErrorKind::Format(why), path);
    let text = std::str::from_utf8(bytes).map_err(|_| bad("the manifest is not UTF-8".into()))?;
    let text = text.trim_start_matches('\u{FEFF}');
    let base = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let resolve = |p: &str| {
        let p = PathBuf::from(p);
        if p.is_absolute() { p } else { base.join(p) }
    };
    type Row = (Option<String>, Option<String>, Option<String>, Option<String>, Option<String>);
    let mut rows: Vec<Row> = Vec::new(); // a, b, out, id, problem
    if text.trim_start().starts_with('{') {
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            match serde_json::from_str::<serde_json::Value>(line) {
                Ok(v) => {
                    let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(String::from);
                    rows.push((field("a"), field("b"), field("out"), field("id"), None));
                }
                Err(e) => rows.push((None, None, None, None, Some(format!("line {}: not JSON: {e}", n + 1)))),
            }
        }
    } else {
        let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
        let headers = reader.headers().map_err(|e| bad(format!("line 1: {e}")))?.clone();
        let col = |name: &str| headers.iter().position(|h| h == name);
        let (ca, cb) = (col("a"), col("b"));
        if ca.is_none() || cb.is_none() {
            return Err(
                bad("line 1: the header must name the columns a and b (and may name out and id)".into()).at_line(1)
            );
        }
        let (co, ci) = (col("out"), col("id"));
        for (n, record) in reader.records().enumerate() {
            match record {
                Ok(r) => {
                    let get = |c: Option<usize>| c.and_then(|c| r.get(c)).filter(|s| !s.is_empty()).map(String::from);
                    rows.push((get(ca), get(cb), get(co), get(ci), None));
                }
                Err(e) => rows.push((None, None, None, None, Some(format!("line {}: {e}", n + 2)))),
            }
        }
    }
    let mut jobs = Vec::with_capacity(rows.len());
    let mut outputs: std::collections::BTreeMap<PathBuf, usize> = std::collections::BTreeMap::new();
    for (index, (a, b, out, id, problem)) in rows.into_iter().enumerate() {
        let id = id.unwrap_or_else(|| format!("row{}", index + 1));
        let out = out.map(|o| resolve(&o)).unwrap_or_else(|| out_dir.join(format!("{id}.{}", mode.extension())));
        let mut problem = problem;
        if problem.is_none() && (a.is_none() || b.is_none()) {
            problem = Some(format!("row {}: it needs both a and b", index + 1));
        }
        if problem.is_none() {
            if let Some(first) = outputs.get(&out) {
                problem = Some(format!("row {}: its output {} is also row {}'s", index + 1, out.display(), first + 1));
            } else {
                outputs.insert(out.clone(), index);
            }
        }
        jobs.push(Job {
            index,
            id,
            a: a.map(|x| resolve(&x)).unwrap_or_default(),
            b: b.map(|x| resolve(&x)).unwrap_or_default(),
            out,
            problem,
        });
    }
    Ok(jobs)
}

/// Keeps the rows of shard `k` of `n`: those whose 0-based index i has i mod n = k.
pub fn shard(jobs: Vec<Job>, k: usize, n: usize) -> Vec<Job> {
    jobs.into_iter().filter(|j| j.index % n == k).collect()
}

fn modified(p: &Path) -> Option<SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

/// The outcome of a job before it runs, and whether it runs: not if its row is bad
/// or its output newer than its inputs, and then the outcome is final.
fn start(job: &Job, options: &BatchOptions) -> (Outcome, bool) {
    let mut outcome = Outcome {
        id: job.id.clone(),
        a: job.a.display().to_string(),
        b: job.b.display().to_string(),
        out: job.out.display().to_string(),
        status: Status::Failed,
        units_a: None,
        units_b: None,
        pairs: None,
        mean_score: None,
        findings: None,
        message: String::new(),
    };
    if let Some(p) = &job.problem {
        outcome.message = p.clone();
        return (outcome, false);
    }
    if !options.force
        && let (Some(o), Some(a), Some(b)) = (modified(&job.out), modified(&job.a), modified(&job.b))
        && o > a
        && o > b
    {
        outcome.status = Status::Skipped;
        return (outcome, false);
    }
    (outcome, true)
}

/// Reads the two texts of a job.
fn load_pair(job: &Job, options: &BatchOptions) -> Result<(Document, Document)> {
    let mut da = load(&job.a, &options.load[0])?;
    let mut db = load(&job.b, &options.load[1])?;
    if da.lang == db.lang {
        let why = format!("both files are {}: {} and {}", da.lang.profile().name, da.path, db.path);
        return Err(Error::new(ErrorKind::Format(why), &job.b));
    }
    crate::structure::settle(&mut da, &mut db);
    Ok((da, db))
}

/// Checks an alignment, writes the job's output and fills in its outcome.
fn finish(
    job: &Job,
    options: &BatchOptions,
    alignment: &Alignment,
    [da, db]: [&Document; 2],
    outcome: &mut Outcome,
) -> Result<()> {
    let report = check(alignment);
    outcome.units_a = Some(da.units.len());
    outcome.units_b = Some(db.units.len());
    outcome.pairs = Some(alignment.pairs.len());
    let n = alignment.pairs.len().max(1) as f64;
    outcome.mean_score = Some(write::score_value(alignment.pairs.iter().map(|p| p.score).sum::<f64>() / n));
    outcome.findings = Some(report.findings.iter().filter(|f| f.severity != Severity::Note).count());
    if let Some(dir) = job.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::new(ErrorKind::Write(e.to_string()), dir))?;
    }
    crate::output::write_atomic_with(&job.out, |w| match options.mode {
        Mode::Align(format) => {
            let output = AlignmentOutput::default_for(alignment);
            write::alignment(w, format, alignment, [da, db], &output).map(|_| ())
        }
        Mode::Check(format) => write::report(w, format, &report, [da, db], Severity::Note),
    })
}

/// The outcome of a job that ran, from how it went.
fn ended(mut outcome: Outcome, result: Result<()>) -> Outcome {
    match result {
        Ok(()) => outcome.status = Status::Ok,
        Err(e) => outcome.message = e.to_string(),
    }
    outcome
}

/// Runs one pair.
pub fn run_job(job: &Job, options: &BatchOptions) -> Outcome {
    let (mut outcome, runs) = start(job, options);
    if !runs {
        return outcome;
    }
    let result = load_pair(job, options).and_then(|(da, db)| {
        let alignment = align(&da, &db, &AlignOptions::default());
        finish(job, options, &alignment, [&da, &db], &mut outcome)
    });
    ended(outcome, result)
}

/// Runs the jobs on `threads` threads (0: one per core); `done` is called after each.
/// The outcomes are in the jobs' order, whatever the threads did.
pub fn run_all(jobs: &[Job], options: &BatchOptions, threads: usize, done: &(dyn Fn(&Outcome) + Sync)) -> Vec<Outcome> {
    let work = || {
        if options.one_lexicon {
            return run_together(jobs, options, done);
        }
        jobs.par_iter()
            .map(|j| {
                let o = run_job(j, options);
                done(&o);
                o
            })
            .collect()
    };
    match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool.install(work),
        Err(_) => jobs.iter().map(|j| run_job(j, options)).collect(),
    }
}

/// [`run_all`] with one lexicon for all pairs that run ([`BatchOptions::one_lexicon`]):
/// every pair is read, then all are aligned together, then each is written.
fn run_together(jobs: &[Job], options: &BatchOptions, done: &(dyn Fn(&Outcome) + Sync)) -> Vec<Outcome> {
    /// A job whose texts were read, or one that is done.
    enum Read {
        Loaded(Outcome, Box<[Document; 2]>),
        Done(Outcome),
    }
    let read: Vec<Read> = jobs
        .par_iter()
        .map(|j| {
            let (outcome, runs) = start(j, options);
            if !runs {
                return Read::Done(outcome);
            }
            match load_pair(j, options) {
                Ok((da, db)) => Read::Loaded(outcome, Box::new([da, db])),
                Err(e) => Read::Done(ended(outcome, Err(e))),
            }
        })
        .collect();
    let pairs: Vec<(&Document, &Document)> = read
        .iter()
        .filter_map(|r| match r {
            Read::Loaded(_, d) => Some((&d[0], &d[1])),
            Read::Done(_) => None,
        })
        .collect();
    let mut alignments = align_all(&pairs, &AlignOptions::default()).into_iter();
    let mut runs: Vec<(&Job, Outcome, &Document, &Document, Alignment)> = Vec::new();
    let mut outcomes: Vec<Option<Outcome>> = Vec::with_capacity(jobs.len());
    for (job, r) in jobs.iter().zip(&read) {
        match r {
            Read::Loaded(outcome, d) => {
                let alignment = alignments.next().expect("an alignment per pair read");
                runs.push((job, outcome.clone(), &d[0], &d[1], alignment));
                outcomes.push(None);
            }
            Read::Done(outcome) => {
                done(outcome);
                outcomes.push(Some(outcome.clone()));
            }
        }
    }
    let mut written: std::vec::IntoIter<Outcome> = runs
        .into_par_iter()
        .map(|(job, mut outcome, da, db, alignment)| {
            let result = finish(job, options, &alignment, [da, db], &mut outcome);
            let o = ended(outcome, result);
            done(&o);
            o
        })
        .collect::<Vec<_>>()
        .into_iter();
    outcomes.into_iter().map(|o| o.unwrap_or_else(|| written.next().expect("an outcome per pair run"))).collect()
}

/// The summary as CSV (one header, a row per pair) — summaries of shards concatenate
/// by dropping the later headers — or as JSON lines when `jsonl`.
pub fn summary<W: std::io::Write>(mut w: W, outcomes: &[Outcome], jsonl: bool) -> std::io::Result<()> {
    if jsonl {
        for o in outcomes {
            serde_json::to_writer(&mut w, o)?;
            w.write_all(b"\n")?;
        }
        return Ok(());
    }
    let mut w = csv::Writer::from_writer(w);
    w.write_record([
        "id",
        "a",
        "b",
        "out",
        "status",
        "units_a",
        "units_b",
        "pairs",
        "mean_score",
        "findings",
        "message",
    ])?;
    let opt = |x: Option<usize>| x.map(|v| v.to_string()).unwrap_or_default();
    for o in outcomes {
        w.write_record([
            o.id.clone(),
            o.a.clone(),
            o.b.clone(),
            o.out.clone(),
            write::name(&o.status),
            opt(o.units_a),
            opt(o.units_b),
            opt(o.pairs),
            o.mean_score.map(write::score).unwrap_or_default(),
            opt(o.findings),
            o.message.clone(),
        ])?;
    }
    w.flush()
}
