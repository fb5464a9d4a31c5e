//! `naqi`: the command-line face of the extractor.
//!
//! `naqi extract FILE|-` prints one article (JSON, HTML, text or Markdown);
//! `naqi batch PATH... -o OUT.jsonl` extracts many pages into JSON Lines.
//!
//! Exit codes: 0 success, 1 an extraction failed (for `batch`: at least one file failed),
//! 2 usage or I/O error.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

// The binary's root is `src/bin/naqi.rs`, so its modules are named by path.
#[path = "naqi/batch.rs"]
mod batch;
#[path = "naqi/http.rs"]
mod http;
#[path = "naqi/input.rs"]
mod input;
#[path = "naqi/warc.rs"]
mod warc;

/// Exit code when every page was extracted.
const EXIT_OK: u8 = 0;
/// Exit code when an extraction failed (the others, in a batch, still ran).
const EXIT_FAILED: u8 = 1;
/// Exit code for bad arguments and input/output errors (the same code clap uses).
const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "naqi",
    version,
    about = "Arabic-first reader mode: a news page's own article, without read-also and related blocks",
    after_help = "Exit codes: 0 success, 1 extraction failed (batch: some files failed), 2 usage or I/O error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the article from one page and print it.
    Extract(ExtractArgs),
    /// Extract every page under the given files and folders into a JSON Lines file.
    Batch(batch::BatchArgs),
    /// Extract every HTML response in WARC files into a JSON Lines file.
    Warc(warc::WarcArgs),
}

#[derive(Args)]
struct ExtractArgs {
    /// The page: an .html, .htm or .html.gz file, or `-` for standard input.
    input: PathBuf,
    /// The page's address, used to make links and images absolute.
    #[arg(long)]
    url: Option<String>,
    /// What to print.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    #[command(flatten)]
    options: OptionArgs,
}

/// Output format of `naqi extract`.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// The whole article with metadata and the removal report.
    Json,
    /// The sanitized article HTML.
    Html,
    /// Plain text, paragraphs separated by blank lines.
    Text,
    /// Markdown.
    Markdown,
}

/// Extraction switches shared by `extract` and `batch`.
#[derive(Args)]
struct OptionArgs {
    /// Keep read-also, related, share, tag and comment blocks (they are removed by default).
    #[arg(long)]
    keep_related: bool,
    /// An extra phrase to treat as a related-content label (repeatable).
    #[arg(long = "label", value_name = "PHRASE")]
    labels: Vec<String>,
    /// Drop images and figures from the article.
    #[arg(long)]
    no_images: bool,
}

impl OptionArgs {
    fn to_options(&self, url: Option<&str>) -> naqi::Options {
        let mut options = naqi::Options::default()
            .with_remove_related(!self.keep_related)
            .with_extra_labels(self.labels.iter().cloned())
            .with_keep_images(!self.no_images);
        if let Some(url) = url {
            options = options.with_url(url);
        }
        options
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Extract(args) => run_extract(&args),
        Command::Batch(args) => batch::run(&args),
        Command::Warc(args) => warc::run(&args),
    };
    if std::env::var_os("NAQI_REPORT_PEAK_MEMORY").is_some() {
        report_peak_memory();
    }
    ExitCode::from(code)
}

/// Prints the process's peak resident memory (Linux `VmHWM`) to standard error, for the
/// hostile-input suite's memory figures. Elsewhere it prints nothing.
fn report_peak_memory() {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM:")) {
        let kb = line.trim_start_matches("VmHWM:").trim();
        eprintln!("naqi: peak memory {kb}");
    }
}

fn run_extract(args: &ExtractArgs) -> u8 {
    let options = args.options.to_options(args.url.as_deref());
    if let Err(err) = options.validate() {
        eprintln!("naqi: {}: {err}", err.code());
        return EXIT_USAGE;
    }
    let bytes = match input::read_page(&args.input, options.max_input_bytes) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("naqi: cannot read {}: {err}", args.input.display());
            return EXIT_USAGE;
        }
    };
    let article = match naqi::extract_bytes(&bytes, &options) {
        Ok(article) => article,
        Err(err) => {
            eprintln!("naqi: {}: {err}", err.code());
            return EXIT_FAILED;
        }
    };
    let body = match args.format {
        Format::Json => match serde_json::to_string_pretty(&article) {
            Ok(json) => json,
            Err(err) => {
                eprintln!("naqi: cannot serialize the article: {err}");
                return EXIT_FAILED;
            }
        },
        Format::Html => article.content_html,
        Format::Text => article.text,
        Format::Markdown => article.markdown,
    };
    let mut stdout = io::stdout().lock();
    match writeln!(stdout, "{}", body.trim_end()).and_then(|()| stdout.flush()) {
        Ok(()) => EXIT_OK,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(err) => {
            eprintln!("naqi: cannot write the output: {err}");
            EXIT_USAGE
        }
    }
}
