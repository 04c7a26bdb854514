//! Finding a font with Chinese glyphs for a PNG: the one asked for or the system's, and in a
//! collection the Simplified Chinese face.

use std::path::{Path, PathBuf};

use ab_glyph::{Font, FontVec};

use sportdash_core::files;

use super::Failure;

/// Where Chinese fonts are on common systems, most likely first: Debian's and Ubuntu's
/// fonts-noto-cjk (what `scripts/install-tools.sh` installs), Arch's and Fedora's Noto Sans
/// CJK, Debian's WenQuanYi Zen Hei, and the PingFang and Microsoft YaHei that `sportdash_chart::FONT`
/// names for macOS and Windows.
pub const SYSTEM_FONTS: [&str; 7] = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:\\Windows\\Fonts\\msyh.ttc",
    "C:\\Windows\\Fonts\\msyh.ttf",
];

/// Characters a font must have to draw our charts: a title, medal letters, "no data".
const CHINESE_SAMPLE: &str = "人均体育场地面积金银铜无数据";

/// A font with Chinese glyphs, read from a file at run time.
pub struct CjkFont {
    pub path: PathBuf,
    /// The face's index in its file: a collection (.ttc) holds several.
    pub face: u32,
    /// The face's family name, e.g. "Noto Sans CJK SC".
    pub family: String,
    pub(super) font: FontVec,
}

impl CjkFont {
    /// Whether the font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.font.glyph_id(c).0 != 0
    }
}

/// `explicit` when given, else the first of `SYSTEM_FONTS` that has Chinese glyphs. The error
/// names every file tried and why it was not used.
pub fn find_font(explicit: Option<&Path>) -> Result<CjkFont, Failure> {
    let candidates: Vec<PathBuf> = match explicit {
        Some(path) => vec![path.to_path_buf()],
        None => SYSTEM_FONTS.iter().map(PathBuf::from).collect(),
    };
    let mut tried = Vec::new();
    for path in candidates {
        match load_font(&path) {
            Ok(font) => return Ok(font),
            Err(reason) => tried.push(format!("  {}: {reason}", path.display())),
        }
    }
    Err(Failure::Render(format!(
        "no font with Chinese glyphs for the PNG; tried:\n{}\n\
         install one (Debian: apt-get install fonts-noto-cjk) or pass --font FILE",
        tried.join("\n")
    )))
}

/// The largest font file read: Noto Sans CJK's collection is about 20 MB.
const MAX_FONT_BYTES: usize = 64 * 1024 * 1024;

fn load_font(path: &Path) -> Result<CjkFont, String> {
    let bytes = files::read_bounded(path, MAX_FONT_BYTES)?;
    let (face, family) = chinese_face(&bytes)?;
    let font = FontVec::try_from_vec_and_index(bytes, face).map_err(|e| e.to_string())?;
    Ok(CjkFont {
        path: path.to_path_buf(),
        face,
        family,
        font,
    })
}

/// The face to draw with and its family name: of the faces that have Chinese glyphs, the
/// Simplified Chinese one ("… SC": Noto Sans CJK SC, PingFang SC) if there is one, else the
/// first. A collection's first face is not always it: Noto Sans CJK's is the Japanese one,
/// whose forms of some characters differ from those used in mainland China.
fn chinese_face(bytes: &[u8]) -> Result<(u32, String), String> {
    let count = ttf_parser::fonts_in_collection(bytes).unwrap_or(1);
    let mut faces = Vec::new();
    let mut last_error = None;
    for index in 0..count {
        match ttf_parser::Face::parse(bytes, index) {
            Ok(face) => {
                if CHINESE_SAMPLE
                    .chars()
                    .all(|c| face.glyph_index(c).is_some())
                {
                    faces.push((index, family_name(&face)));
                }
            }
            Err(e) => last_error = Some(e),
        }
    }
    let simplified = faces.iter().position(|(_, family)| family.ends_with(" SC"));
    match (simplified, faces.is_empty(), last_error) {
        (Some(position), _, _) => Ok(faces.swap_remove(position)),
        (None, false, _) => Ok(faces.swap_remove(0)),
        (None, true, Some(error)) => Err(format!("not a font file ({error})")),
        (None, true, None) => Err("has no Chinese glyphs".to_string()),
    }
}

/// The family a face belongs to: its typographic family, else its family name (OpenType name
/// ids 16 and 1).
fn family_name(face: &ttf_parser::Face) -> String {
    let name = |id: u16| {
        face.names()
            .into_iter()
            .filter(|n| n.name_id == id && n.is_unicode())
            .find_map(|n| n.to_string())
    };
    name(ttf_parser::name_id::TYPOGRAPHIC_FAMILY)
        .or_else(|| name(ttf_parser::name_id::FAMILY))
        .unwrap_or_default()
}
