//! The `bitext` command: parses arguments, calls the library, prints, and owns the
//! exit codes.

mod cli;
mod cmd;
mod exit_codes;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // The main thread is one of the pool's threads, not one more that waits while
    // they work: glibc gives each thread that allocates an arena of its own and keeps
    // what was freed in it, so one thread fewer holds less (the Charter at 16 MB
    // peaks at 99 MiB where it took 113; benches/README.md). Should it fail (no
    // thread could be started), rayon builds its own pool at first use, as before.
    let _ = rayon::ThreadPoolBuilder::new().use_current_thread().build_global();
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage(&err),
    };
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return exit_codes::DONE.into();
            }
            eprintln!("bitext: {err:#}");
            exit_codes::TROUBLE.into()
        }
    }
}

/// `--help` and `--version` as clap prints them; a usage error as
/// `bitext: bad arguments: …` with clap's tip and usage after it, exit 2.
fn usage(err: &clap::Error) -> ExitCode {
    if !err.use_stderr() {
        // Help on a closed standard output has nowhere to go and nothing to report.
        let _ = err.print();
        return exit_codes::DONE.into();
    }
    let text = err.render().to_string();
    let text = text.strip_prefix("error: ").unwrap_or(&text);
    eprint!("bitext: bad arguments: {text}");
    exit_codes::TROUBLE.into()
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .any(|e| e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
