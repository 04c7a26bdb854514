//! The command line of `sportdash render`, and why it stopped without writing anything.

use std::fmt;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Svg,
    Png,
}

/// The command line of `sportdash render`.
#[derive(Clone, Debug, clap::Args)]
pub struct Args {
    /// The dashboard's view: medals, events, facilities, industry, talent or governance.
    #[arg(long, value_name = "VIEW")]
    pub view: String,
    /// The places to compare, by id in DATA/entities.json [default: the view's places with data].
    #[arg(long, value_name = "ID,ID…")]
    pub entities: Option<String>,
    /// A year or a range of years [default: every year with data].
    #[arg(long, value_name = "YYYY[-YYYY]")]
    pub years: Option<String>,
    /// The indicator [default: the one the view opens on].
    #[arg(long, value_name = "ID")]
    pub indicator: Option<String>,
    /// The file format.
    #[arg(long, value_enum)]
    pub format: Format,
    /// The file to write.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// The language of the chart's text.
    #[arg(long, value_name = "LANG", default_value = "zh", value_parser = ["zh", "en"])]
    pub lang: String,
    /// light: dark text on white; dark: light text on a dark ground, for big screens.
    #[arg(long, value_name = "THEME", default_value = "light", value_parser = ["light", "dark"])]
    pub theme: String,
    /// Width in pixels (100 to 8000).
    #[arg(long, value_name = "PX", default_value_t = 1200)]
    pub width: u32,
    /// Height in pixels (100 to 8000).
    #[arg(long, value_name = "PX", default_value_t = 700)]
    pub height: u32,
    /// The data directory.
    #[arg(long, value_name = "DIR", default_value = "data")]
    pub data: PathBuf,
    /// A font with Chinese glyphs for PNG (.ttf, .otf or .ttc) [default: the first of the
    /// system's Noto Sans CJK, WenQuanYi Zen Hei, PingFang or Microsoft YaHei found].
    #[arg(long, value_name = "FILE")]
    pub font: Option<PathBuf>,
}

/// Why nothing was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The command line asks for something that is not there or not valid: exit status 2.
    Argument(String),
    /// A valid request that could not be carried out (no font, drawing, writing): status 1.
    Render(String),
}

impl Failure {
    pub fn status(&self) -> u8 {
        match self {
            Failure::Argument(_) => 2,
            Failure::Render(_) => 1,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Argument(message) | Failure::Render(message) => f.write_str(message),
        }
    }
}
