//! Whether a word in Han, Arabic, Cyrillic or katakana script can render a
//! Latin-script name. Both sides become sequences of consonant classes as
//! each script hears them: Chinese transliteration writes r as l, v and w
//! alike, adds vowels and may drop a final consonant, each character one
//! pinyin syllable; Arabic writes no short vowels, b for p, f for v, and
//! its long vowels (و, ي) stand for o/u and e/i; Cyrillic renders the name
//! as its own language says it (Гвардиола, Азар for Hazard, Эухения,
//! Ковальчик); Japanese katakana writes each consonant with a vowel, l as
//! r, v as b or ヴ, and leaves out an r English does not say (リバプール).
//! The sequences are then aligned: equal means the same name,
//! one consonant apart a misspelling of it.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Han,
    Arabic,
    Cyrillic,
    Kana,
}

const P: u16 = 1;
const F: u16 = 1 << 1;
const V: u16 = 1 << 2;
const T: u16 = 1 << 3;
const K: u16 = 1 << 4;
const S: u16 = 1 << 5;
const M: u16 = 1 << 6;
const N: u16 = 1 << 7;
const L: u16 = 1 << 8;
const R: u16 = 1 << 9;
const H: u16 = 1 << 10;

/// One consonant: the classes it may be heard as, and whether the other
/// script may leave it out (a Latin h, a final consonant, a pinyin coda).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Sound {
    classes: u16,
    optional: bool,
}

fn sound(classes: u16) -> Sound {
    Sound { classes, optional: false }
}

/// Classes a script does not tell apart.
fn merged(classes: u16, script: Script) -> u16 {
    let mut out = classes;
    let pairs: &[(u16, u16)] = match script {
        Script::Han => &[(R, L), (V, F)],
        Script::Arabic | Script::Cyrillic => &[(V, F)],
        Script::Kana => &[(R, L), (V, P)],
    };
    for &(a, b) in pairs {
        if classes & (a | b) != 0 {
            out |= a | b;
        }
    }
    out
}

/// The consonants of a Latin-script key (lowercase ASCII), as `script`
/// would hear them; with `silent`, Chinese and Japanese may leave out what
/// English spelling writes but does not say.
fn latin_sounds(key: &str, script: Script, silent: bool) -> Vec<Sound> {
    let silent = silent && matches!(script, Script::Han | Script::Kana);
    let bytes = key.as_bytes();
    let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let front = |i: usize| bytes.get(i).is_some_and(|&b| matches!(b, b'e' | b'i' | b'y'));
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &key[i..];
        let (classes, len) = match bytes[i] {
            _ if rest.starts_with("sch") => (S, 3),
            // Bridge, Hodgson: one sound.
            _ if rest.starts_with("dg") => (S | K, 2),
            _ if ["sh", "zh", "ts", "tz", "cz", "sz"].iter().any(|d| rest.starts_with(d)) => (S, 2),
            _ if rest.starts_with("ch") => (S | K | H, 2),
            _ if rest.starts_with("ph") => (F, 2),
            _ if rest.starts_with("th") => (T | S, 2),
            _ if rest.starts_with("kh") => (K | H, 2),
            // The g of an ng before a consonant or the end is silent to
            // Chinese ears (Birmingham 伯明翰, Livingston 利文斯顿).
            b'g' if silent && i > 0 && bytes[i - 1] == b'n' && !bytes.get(i + 1).is_some_and(|&b| vowel(b)) => {
                out.push(Sound { classes: K, optional: true });
                (0, 1)
            }
            // Silent after a vowel (Willoughby, Leigh); Ghana keeps it.
            _ if rest.starts_with("gh") && i > 0 && vowel(bytes[i - 1]) && (silent || matches!(script, Script::Cyrillic | Script::Arabic)) => {
                out.push(Sound { classes: K, optional: true });
                (0, 2)
            }
            // Spanish and Italian gu, and qu, before a vowel: Cyrillic may
            // write the u as в (Гвардиола, Квебек) or leave it (Гевара).
            _ if (rest.starts_with("gu") || rest.starts_with("qu")) && script == Script::Cyrillic && bytes.get(i + 2).is_some_and(|&b| vowel(b)) => {
                out.push(sound(K));
                out.push(Sound { classes: merged(V, script), optional: true });
                (0, 2)
            }
            _ if rest.starts_with("gh") || rest.starts_with("ck") || rest.starts_with("qu") => (K, 2),
            b if vowel(b) => (0, 1),
            b'b' | b'p' => (P, 1),
            b'f' => (F, 1),
            b'v' => (V, 1),
            // A consonant to Chinese (威); to Arabic a glide (written و) or a v
            // (Polish Tarnow → تارنوف).
            b'w' if script != Script::Han => {
                out.push(Sound { classes: merged(V, script), optional: true });
                (0, 1)
            }
            b'w' => (V, 1),
            b'd' | b't' => (T, 1),
            b'k' | b'q' => (K, 1),
            // A final c is Slavic as often (Kovačić → Ковачич).
            b'c' if script == Script::Cyrillic && i + 1 == bytes.len() => (K | S, 1),
            b'c' => (if front(i + 1) { S } else { K }, 1),
            b'g' => (if front(i + 1) { K | S } else { K }, 1),
            // Spanish x is a Cyrillic х (Mexico → Мехико).
            b'x' if script == Script::Cyrillic => {
                out.push(sound(K | H));
                out.push(Sound { classes: S, optional: true });
                (0, 1)
            }
            b'x' => {
                out.push(sound(K));
                (S, 1)
            }
            b's' | b'z' => (S, 1),
            // j is y in many languages (Johann → 约翰): it may vanish. To
            // Chinese a French or Portuguese j is an r (让 Jean, 热内卢 Janeiro).
            b'j' => {
                let classes = match script {
                    Script::Han => merged(S | R, script),
                    // Джон, Хуан, Йохан.
                    Script::Cyrillic => S | K | H,
                    Script::Arabic => S,
                    // ジョン, ヨハン, and Spanish ホセ.
                    Script::Kana => S | H,
                };
                out.push(Sound { classes, optional: true });
                (0, 1)
            }
            // Walker, Palmer: English says no l (ウォーカー, 沃克).
            b'l' if silent && i > 0 && bytes[i - 1] == b'a' && matches!(bytes.get(i + 1), Some(b'k' | b'm')) => {
                out.push(Sound { classes: merged(L, script), optional: true });
                (0, 1)
            }
            b'l' => (L, 1),
            // Non-rhotic English drops an r after a vowel before a
            // consonant, and Chinese renderings with it (Liverpool 利物浦).
            // Katakana leaves out a final one too (マンチェスター).
            b'r' if silent && i > 0 && vowel(bytes[i - 1]) && bytes.get(i + 1).map_or(script == Script::Kana, |&b| !vowel(b)) => {
                out.push(Sound { classes: merged(R, script), optional: true });
                (0, 1)
            }
            b'r' => (R, 1),
            b'm' => (M, 1),
            b'n' => (N, 1),
            // Cyrillic writes h as х or г (Хатчинсон, Гамбург), or not at
            // all where the name's language does not say it (Азар).
            b'h' if script == Script::Cyrillic => {
                out.push(Sound { classes: H | K, optional: true });
                (0, 1)
            }
            b'h' => (H, 1),
            _ => (0, 1),
        };
        // Doubled letters are one sound.
        let doubled = len == 1 && i > 0 && bytes[i - 1] == bytes[i];
        if classes != 0 && !doubled {
            out.push(Sound { classes: merged(classes, script), optional: classes == H });
        }
        i += len;
    }
    // A final consonant may be dropped (Paris → 巴黎); a final ng is one nasal.
    if script == Script::Han && bytes.last().is_some_and(|&b| !vowel(b)) {
        if let Some(last) = out.last_mut() {
            last.optional = true;
        }
    }
    // French leaves a final d, t, s, x or z unsaid, and Cyrillic and
    // katakana with it (Hazard → Азар, Giroud → Жиру, ジルー).
    if matches!(script, Script::Cyrillic | Script::Kana) && bytes.last().is_some_and(|&b| matches!(b, b'd' | b't' | b's' | b'x' | b'z')) {
        if let Some(last) = out.last_mut() {
            last.optional = true;
        }
    }
    out
}

/// The consonants of a Latin key as `script` hears them, with the letters
/// English leaves unsaid left optional (see `latin_sounds`) when at least
/// three consonants stay required: with fewer, any two syllables match
/// (Shanghai as 生活). Chinese keeps that relaxed reading aside: it still
/// tells a name when the rendering also sounds the final consonant (Martin
/// as 马丁: m, t and the final n).
fn heard(key: &str, script: Script) -> (Vec<Sound>, Option<Vec<Sound>>) {
    let relaxed = latin_sounds(key, script, true);
    // Katakana is compared word to word, where chance matters less.
    if script == Script::Kana || relaxed.iter().filter(|s| !s.optional).count() >= 3 {
        (relaxed, None)
    } else {
        (latin_sounds(key, script, false), (script == Script::Han).then_some(relaxed))
    }
}

/// Consonants the two sequences share that tell a name, most over every
/// alignment that leaves out only optional sounds; `None` when there is
/// none. With `initial_counts`, an initial h or j heard as the rendering's
/// first consonant counts too (Harlem 哈莱姆, Jones 琼斯).
fn shared(latin: &[Sound], rendered: &[Sound], initial_counts: bool) -> Option<usize> {
    let first_required = rendered.iter().position(|s| !s.optional);
    let mut row: Vec<Option<usize>> = vec![Some(0)];
    for b in rendered {
        row.push(row.last().copied().flatten().filter(|_| b.optional));
    }
    for (i, a) in latin.iter().enumerate() {
        // Counted: required consonants and a sounded final one. An h or a
        // j that may vanish matches many syllables by chance (Shanghai and
        // 生活 share s, n and h; Jakarta's j, k, t are in 机构的).
        let counts = usize::from(!a.optional || (i + 1 == latin.len() && a.classes != H));
        let mut next = vec![row[0].filter(|_| a.optional)];
        for (j, b) in rendered.iter().enumerate() {
            let initial = usize::from(initial_counts && a.optional && i == 0 && Some(j) == first_required);
            let matched = row[j].filter(|_| a.classes & b.classes != 0).map(|n| n + counts + initial);
            let skip_latin = row[j + 1].filter(|_| a.optional);
            let skip_rendered = next[j].filter(|_| b.optional);
            next.push(matched.max(skip_latin).max(skip_rendered));
        }
        row = next;
    }
    row[rendered.len()]
}

const INITIALS: &[(&str, u16)] = &[
    ("zh", S), ("ch", S), ("sh", S), ("b", P), ("p", P), ("m", M), ("f", F), ("d", T), ("t", T), ("n", N), ("l", L), ("g", K),
    ("k", K), ("h", H), ("j", S | K), ("q", S | K), ("x", S | K), ("r", L), ("z", S), ("c", S), ("s", S), ("w", V),
];

/// The consonants of one Han character read as pinyin: its initial, and a
/// nasal coda that may render a nasal or nothing (Trump → 特朗普). The
/// palatals j, q, x come from k, g and s before i (基, 吉, 西), and the
/// ASCII table reads a few characters that way (卡 as qia).
fn han_sounds(syllable: &str, out: &mut Vec<Sound>) {
    let syllable = syllable.trim().to_ascii_lowercase();
    if syllable == "er" {
        // 尔 renders a final r or l.
        out.push(sound(merged(R, Script::Han)));
        return;
    }
    if let Some((_, classes)) = INITIALS.iter().find(|(i, _)| syllable.starts_with(i)) {
        // hu before a vowel is heard as w (华盛顿 Washington, 惠特默 Whitmer).
        let glide = syllable.starts_with("hu") && syllable.len() > 2;
        out.push(sound(merged(if glide { *classes | V } else { *classes }, Script::Han)));
    }
    if syllable.len() > 1 && (syllable.ends_with('n') || syllable.ends_with("ng")) {
        out.push(Sound { classes: N | M, optional: true });
    }
    // A final u or o swallows a following w (刘易斯 Lewis, 九龙 Kowloon).
    if syllable.len() > 1 && (syllable.ends_with('u') || syllable.ends_with('o')) {
        out.push(Sound { classes: merged(V, Script::Han), optional: true });
    }
}

/// The consonants of an Arabic word, read letter by letter.
fn arabic_sounds(word: &str, out: &mut Vec<Sound>) {
    for c in word.chars() {
        let letters = deunicode::deunicode_char(c).unwrap_or("");
        let classes = match letters {
            "b" | "p" => P,
            "f" | "v" => F,
            "t" | "T" | "d" | "D" => T,
            "th" | "dh" => T | S,
            "k" | "q" | "g" | "G" | "gh" => K,
            "j" => S | K,
            "s" | "S" | "z" | "Z" | "sh" => S,
            "kh" => K | H,
            "H" | "h" => H,
            "l" => L,
            "r" => R,
            "m" => M,
            "n" => N,
            // Long vowels and glides (و ي), alif, hamza, ayn, ta marbuta.
            _ => 0,
        };
        if classes != 0 {
            out.push(sound(merged(classes, Script::Arabic)));
        }
    }
}

/// The consonants of a Cyrillic word, read from its ASCII key (as
/// `deunicode` writes it: Ж zh, Х kh, Ц ts, Ч ch, Ш sh, Щ shch), so that
/// a word and its key read alike. Doubled letters are one sound.
fn cyrillic_sounds(word: &str, out: &mut Vec<Sound>) {
    let key = crate::extract::text::ascii_key(word);
    let mut i = 0;
    while i < key.len() {
        let rest = &key[i..];
        let (classes, len) = match rest.as_bytes()[0] {
            _ if rest.starts_with("shch") => (S, 4),
            // Дж is one sound: Джонс, Джеррард.
            _ if rest.starts_with("dzh") => (S, 3),
            _ if rest.starts_with("kh") => (K | H, 2),
            _ if rest.starts_with("ts") => (S | T, 2),
            _ if ["zh", "ch", "sh"].iter().any(|d| rest.starts_with(d)) => (S, 2),
            b'b' | b'p' => (P, 1),
            b'v' | b'f' => (V | F, 1),
            b'd' | b't' => (T, 1),
            b'k' => (K, 1),
            b'g' => (K | H, 1),
            b's' | b'z' => (S, 1),
            b'l' => (L, 1),
            b'r' => (R, 1),
            b'm' => (M, 1),
            b'n' => (N, 1),
            _ => (0, 1),
        };
        let doubled = len == 1 && i > 0 && key.as_bytes()[i - 1] == key.as_bytes()[i];
        if classes != 0 && !doubled {
            out.push(sound(classes));
        }
        i += len;
    }
}

/// The consonants of a katakana word, kana by kana. The small ッ doubles
/// the next consonant and ー lengthens a vowel: neither is a sound.
fn kana_sounds(word: &str, out: &mut Vec<Sound>) {
    for c in word.chars() {
        let classes = match c {
            'チ' | 'ツ' | 'ヂ' | 'ヅ' => T | S,
            'フ' => F | H,
            'ン' => N | M,
            'ッ' | 'ー' => 0,
            _ => match deunicode::deunicode_char(c).unwrap_or("").as_bytes().first() {
                Some(b'k' | b'g') => K,
                Some(b's' | b'z' | b'j') => S,
                Some(b't' | b'd') => T,
                Some(b'n') => N,
                Some(b'h') => H,
                Some(b'b' | b'p') => P,
                Some(b'm') => M,
                Some(b'r') => R,
                Some(b'w' | b'v') => V,
                // Vowels, small vowels, and ヤ ユ ヨ.
                _ => 0,
            },
        };
        if classes != 0 {
            out.push(sound(merged(classes, Script::Kana)));
        }
    }
}

/// Russian case endings with a consonant (Хатчинсоном, Джонсов, Сименсам).
const CYRILLIC_ENDINGS: &[&str] = &["ом", "ем", "ём", "ым", "им", "ов", "ев", "ам", "ям", "ами", "ями", "ах", "ях"];

/// The ASCII keys of `CYRILLIC_ENDINGS` ("om", "ov", …).
fn cyrillic_ending_keys() -> &'static [String] {
    static KEYS: std::sync::LazyLock<Vec<String>> =
        std::sync::LazyLock::new(|| CYRILLIC_ENDINGS.iter().map(|e| crate::extract::text::ascii_key(e)).collect());
    &KEYS
}

/// Consonants of a word (or run of Han characters) in `script`.
fn rendered_sounds(text: &str, script: Script) -> Vec<Sound> {
    let mut out = Vec::new();
    match script {
        Script::Han => text.chars().for_each(|c| han_sounds(deunicode::deunicode_char(c).unwrap_or(""), &mut out)),
        Script::Arabic => arabic_sounds(text, &mut out),
        Script::Cyrillic => cyrillic_sounds(text, &mut out),
        Script::Kana => kana_sounds(text, &mut out),
    }
    out
}

/// Fewest changes that turn one sequence into the other, a changed sound
/// costing `change`; optional sounds may be left out for free.
fn distance(latin: &[Sound], rendered: &[Sound], change: usize) -> usize {
    let skip = |s: &Sound| usize::from(!s.optional);
    let mut row: Vec<usize> = std::iter::once(0).chain(rendered.iter().scan(0, |acc, s| { *acc += skip(s); Some(*acc) })).collect();
    for a in latin {
        let mut next = vec![row[0] + skip(a)];
        for (j, b) in rendered.iter().enumerate() {
            let cost = if a.classes & b.classes == 0 { change } else { 0 };
            next.push((row[j] + cost).min(row[j + 1] + skip(a)).min(next[j] + skip(b)));
        }
        row = next;
    }
    row[rendered.len()]
}

/// Same (0), one consonant changed but the first (1), or otherwise apart (2).
fn apart(latin: &[Sound], rendered: &[Sound]) -> usize {
    match distance(latin, rendered, 1) {
        0 => 0,
        // One change that no single dropped or added sound explains: a
        // substitution; misspellings keep a name's first sound.
        1 if distance(latin, rendered, 2) == 2 && first(latin) & first(rendered) != 0 => 1,
        _ => 2,
    }
}

fn first(sounds: &[Sound]) -> u16 {
    sounds.iter().find(|s| !s.optional).map_or(0, |s| s.classes)
}

/// Whether the rendering is the Latin word with exactly one of its
/// required consonants left out, not the first, and nothing else changed
/// (Westminster 威斯敏斯特, Scotland 苏格兰: the t).
fn one_dropped(latin: &[Sound], rendered: &[Sound]) -> bool {
    const NONE: usize = usize::MAX / 2;
    // row[j]: fewest Latin drops aligning the Latin prefix with rendered[..j].
    let mut row: Vec<usize> = vec![0];
    for b in rendered {
        row.push(if b.optional { *row.last().unwrap_or(&NONE) } else { NONE });
    }
    for a in latin {
        let mut next = vec![row[0] + usize::from(!a.optional)];
        for (j, b) in rendered.iter().enumerate() {
            let matched = if a.classes & b.classes != 0 { row[j] } else { NONE };
            let drop_latin = row[j + 1] + usize::from(!a.optional);
            let skip_rendered = if b.optional { next[j] } else { NONE };
            next.push(matched.min(drop_latin).min(skip_rendered).min(NONE));
        }
        row = next;
    }
    row[rendered.len()] == 1 && first(latin) & first(rendered) != 0
}

/// How a rendering relates to a Latin name word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rendering {
    Different,
    /// One consonant apart: a misspelling, if it stands where the name does.
    Near,
    /// The same only if it stands where the name does: weaker evidence,
    /// three consonants heard alike counting an initial h or j that may
    /// vanish, or a name of four consonants or more with one left out.
    Placed,
    Same,
}

/// Words with fewer consonants match too much by chance to be judged.
pub const MIN_SOUNDS: usize = 2;

/// A Latin name word as one script hears it: computed once per word,
/// then compared with every candidate rendering.
pub struct Heard {
    sounds: Vec<Sound>,
    /// Chinese only: the relaxed reading `heard` set aside.
    relaxed: Option<Vec<Sound>>,
    script: Script,
}

impl Heard {
    /// `key` is a lowercase ASCII key.
    pub fn new(key: &str, script: Script) -> Heard {
        let (sounds, relaxed) = heard(key, script);
        Heard { sounds, relaxed, script }
    }

    /// The number of consonants the word has, not counting optional ones.
    pub fn required(&self) -> usize {
        self.sounds.iter().filter(|s| !s.optional).count()
    }

    /// Whether the word has consonants enough to be told from chance: at
    /// least `MIN_SOUNDS` required ones, or in Chinese three counting an
    /// initial h or j and a final one (Jones: j, n, s).
    pub fn judgeable(&self) -> bool {
        self.required() >= MIN_SOUNDS || self.script == Script::Han && self.countable() >= 3
    }

    fn countable(&self) -> usize {
        let edge = |s: Option<&Sound>| usize::from(s.is_some_and(|s| s.optional && s.classes != H));
        let initial = usize::from(self.sounds.first().is_some_and(|s| s.optional));
        self.required() + initial + if self.sounds.len() > 1 { edge(self.sounds.last()) } else { 0 }
    }

    /// Whether `rendered` (Han characters, one Arabic word, one Cyrillic
    /// word or its ASCII key, or one katakana word) can be the word.
    pub fn rendering(&self, rendered: &str) -> Rendering {
        // Cyrillic and katakana are compared name word to name word, not
        // searched for in running text: a sound they may leave out still
        // tells names apart (Jones, Джонс).
        let word_to_word = matches!(self.script, Script::Cyrillic | Script::Kana);
        let required = if word_to_word { self.sounds.len() } else { self.required() };
        let judgeable = if word_to_word { required >= MIN_SOUNDS } else { self.judgeable() };
        if !judgeable {
            return Rendering::Different;
        }
        let target = rendered_sounds(rendered, self.script);
        let placed = || {
            let sounds = self.relaxed.as_ref().unwrap_or(&self.sounds);
            self.script == Script::Han && shared(sounds, &target, true).is_some_and(|n| n >= 3)
        };
        if required < MIN_SOUNDS {
            return if placed() { Rendering::Placed } else { Rendering::Different };
        }
        let mut best = apart(&self.sounds, &target);
        // Arabic joins "and", a preposition and the article to the word
        // (و، لـ، بـ، ال); Russian declines it. Cyrillic words arrive as
        // text or as their ASCII key, so the endings come off the key.
        let affixed: Vec<String> = match self.script {
            Script::Arabic => crate::extract::text::arabic_bares(rendered).into_iter().skip(1).collect(),
            Script::Cyrillic => {
                let key = crate::extract::text::ascii_key(rendered);
                cyrillic_ending_keys().iter().filter_map(|e| key.strip_suffix(e.as_str())).map(String::from).collect()
            }
            Script::Han | Script::Kana => Vec::new(),
        };
        for rest in affixed.iter().filter(|r| r.chars().count() >= 2) {
            best = best.min(apart(&self.sounds, &rendered_sounds(rest, self.script)));
        }
        let relaxed_same = || self.relaxed.as_ref().and_then(|r| shared(r, &target, false)).is_some_and(|n| n >= 3);
        match best {
            0 => Rendering::Same,
            _ if relaxed_same() => Rendering::Same,
            1 if required >= 3 && target.iter().filter(|s| !s.optional).count() >= 3 => Rendering::Near,
            _ if placed() => Rendering::Placed,
            // Chinese drops a consonant of a cluster (the t of Westminster).
            _ if self.script == Script::Han && required >= 4 && one_dropped(&self.sounds, &target) => Rendering::Placed,
            _ => Rendering::Different,
        }
    }
}

/// Whether `rendered` can be the Latin name word `key` (one comparison;
/// see [`Heard`] for many).
pub fn rendering(key: &str, rendered: &str, script: Script) -> Rendering {
    Heard::new(key, script).rendering(rendered)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Rendering::*;
    use Script::*;

    #[test]
    fn chinese_renderings() {
        // Invented names and their renderings in the usual characters.
        assert_eq!(rendering("valberg", "瓦尔贝里", Han), Same);
        assert_eq!(rendering("rossetti", "罗塞蒂", Han), Same);
        assert_eq!(rendering("doran", "多兰", Han), Same);
        assert_eq!(rendering("kramp", "克朗普", Han), Same);
        assert_eq!(rendering("helsen", "赫尔森", Han), Same);
        assert_eq!(rendering("kaspar", "卡斯帕", Han), Same);
        assert_eq!(rendering("bridgeton", "布里奇顿", Han), Same);
        assert_eq!(rendering("walden", "沃尔登", Han), Same);
        // One consonant changed: Rossetti as 罗塞利 (Rosselli).
        assert_eq!(rendering("rossetti", "罗塞利", Han), Near);
        assert_eq!(rendering("valberg", "瓦尔代里", Han), Near);
        // Another name, or ordinary words.
        assert_eq!(rendering("rossetti", "马丁", Han), Different);
        assert_eq!(rendering("valberg", "志愿者", Han), Different);
        // A sound left out or a different first sound is another word.
        assert_eq!(rendering("ingmar", "感谢", Han), Different);
        assert_eq!(rendering("rossetti", "塞蒂", Han), Different);
        // Too few consonants to tell.
        assert_eq!(rendering("aio", "阿约", Han), Different);
        // Two required consonants and a final one sounded: m, t, n.
        assert_eq!(rendering("martel", "马特尔", Han), Same);
        assert_eq!(rendering("marten", "马丁", Han), Same);
        assert_eq!(rendering("marten", "马特", Han), Different);
        // An initial j that may vanish: chance (j, k, t) unless it stands
        // where the name does.
        assert_eq!(rendering("jakarta", "机构的", Han), Placed);
    }

    #[test]
    fn chinese_initial_h_or_j_counts_where_the_name_stands() {
        assert_eq!(rendering("harlow", "哈洛", Han), Placed);
        assert_eq!(rendering("harlow", "哈里", Han), Different);
        assert_eq!(rendering("harlem", "哈莱姆", Han), Placed);
        assert_eq!(rendering("hazard", "哈扎德", Han), Placed);
        assert_eq!(rendering("jones", "琼斯", Han), Placed);
        assert!(Heard::new("jones", Han).judgeable());
        // Not without the initial: n and s alone.
        assert_eq!(rendering("jones", "尼斯", Han), Different);
        // Nor a word of two consonants in all (Holly: h, l).
        assert!(!Heard::new("holly", Han).judgeable());
    }

    #[test]
    fn chinese_may_leave_out_one_consonant_of_a_long_name() {
        assert_eq!(rendering("westminster", "威斯敏斯特", Han), Placed);
        assert_eq!(rendering("scotland", "苏格兰", Han), Placed);
        assert_eq!(rendering("gretchen", "格雷琴", Han), Placed);
        // Not the first, not two, not in a short name.
        assert_eq!(rendering("westminster", "斯敏斯特", Han), Different);
        assert_eq!(rendering("westminster", "威斯敏特", Han), Different);
        assert_eq!(rendering("walden", "沃登", Han), Different);
    }

    #[test]
    fn chinese_glides_and_a_j_heard_as_r() {
        // A w after a vowel goes into the syllable before (Lewis, Kowloon);
        // hu- renders w (Whitmer, Washington).
        assert_eq!(rendering("lewis", "刘易斯", Han), Same);
        assert_eq!(rendering("kowloon", "九龙", Han), Same);
        assert_eq!(rendering("whitmer", "惠特默", Han), Same);
        assert_eq!(rendering("whitney", "惠特尼", Han), Same);
        assert_eq!(rendering("janeiro", "热内卢", Han), Same);
        // Still not any syllables at all.
        assert_eq!(rendering("lewis", "刘德华", Han), Different);
    }

    #[test]
    fn chinese_leaves_out_what_english_does_not_say() {
        // A non-rhotic r, the g of -ng before a consonant, a silent gh.
        assert_eq!(rendering("liverpool", "利物浦", Han), Same);
        assert_eq!(rendering("birmingham", "伯明翰", Han), Same);
        assert_eq!(rendering("livingston", "利文斯顿", Han), Same);
        assert_eq!(rendering("willoughby", "威洛比", Han), Same);
        // Not where too few consonants would stay.
        assert_eq!(rendering("shanghai", "生活", Han), Different);
        // Still heard where they are said.
        assert_eq!(rendering("ghana", "加纳", Han), Same);
        assert_eq!(rendering("rossetti", "罗塞蒂", Han), Same);
        assert_eq!(rendering("liverpool", "利比亚", Han), Different);
        assert_eq!(rendering("birmingham", "伯尔尼", Han), Different);
        assert_eq!(rendering("whitmer", "惠州", Han), Different);
    }

    #[test]
    fn arabic_renderings() {
        assert_eq!(rendering("rossetti", "روسيتي", Arabic), Same);
        assert_eq!(rendering("pavlina", "بافلينا", Arabic), Same);
        assert_eq!(rendering("walden", "والدن", Arabic), Same);
        assert_eq!(rendering("kovac", "كوفاك", Arabic), Same);
        // With a preposition joined: "to Doran".
        assert_eq!(rendering("doran", "لدوران", Arabic), Same);
        assert_eq!(rendering("rossetti", "روسيلي", Arabic), Near);
        assert_eq!(rendering("kovac", "كوفان", Arabic), Near);
        // Arabic keeps r and l apart.
        assert_eq!(rendering("doran", "دولان", Arabic), Near);
        assert_eq!(rendering("rossetti", "المتطوعين", Arabic), Different);
        assert_eq!(rendering("pavlina", "كتب", Arabic), Different);
        assert_eq!(rendering("ingmar", "وشكرت", Arabic), Different);
        // Polish w is a v.
        assert_eq!(rendering("gorlow", "غورلوف", Arabic), Same);
    }

    #[test]
    fn cyrillic_renderings() {
        // Invented names, rendered as Russian writes them.
        assert_eq!(rendering("rossetti", "Россетти", Cyrillic), Same);
        assert_eq!(rendering("gueraldo", "Гверальдо", Cyrillic), Same);
        assert_eq!(rendering("hadzard", "Адзар", Cyrillic), Same);
        assert_eq!(rendering("hollings", "Холлингс", Cyrillic), Same);
        assert_eq!(rendering("jorgen", "Джорген", Cyrillic), Same);
        assert_eq!(rendering("jorgen", "Хорген", Cyrillic), Same);
        assert_eq!(rendering("ximeno", "Химено", Cyrillic), Same);
        assert_eq!(rendering("kowarczyk", "Коварчик", Cyrillic), Same);
        assert_eq!(rendering("balic", "Балич", Cyrillic), Same);
        assert_eq!(rendering("welby", "Уэлби", Cyrillic), Same);
        assert_eq!(rendering("zaragoza", "Сарагоса", Cyrillic), Same);
        assert_eq!(rendering("jones", "Джонс", Cyrillic), Same);
        assert_eq!(rendering("wade", "Уэйд", Cyrillic), Same);
        assert_eq!(rendering("willoughby", "Уиллоуби", Cyrillic), Same);
        // Declined: "with Hollings".
        assert_eq!(rendering("hollings", "Холлингсом", Cyrillic), Same);
        // As the shipped path passes it: the word's ASCII key.
        assert_eq!(rendering("hollings", "khollingsom", Cyrillic), Same);
        assert_eq!(rendering("jones", "dzhonsami", Cyrillic), Same);
        // One consonant changed: a misspelling.
        assert_eq!(rendering("rossetti", "Росселли", Cyrillic), Near);
        assert_eq!(rendering("hollings", "Холлинкс", Cyrillic), Same, "g and k are one class");
        assert_eq!(rendering("benedetti", "Бенедини", Cyrillic), Near);
        // Russian keeps r and l apart, and the first sound.
        assert_eq!(rendering("doran", "Долан", Cyrillic), Near);
        assert_eq!(rendering("rossetti", "Моретти", Cyrillic), Different);
        assert_eq!(rendering("rossetti", "заявил", Cyrillic), Different);
    }

    #[test]
    fn katakana_renderings() {
        // Invented names, written as Japanese writes them.
        assert_eq!(rendering("rossetti", "ロセッティ", Kana), Same);
        assert_eq!(rendering("valberg", "ヴァルベルグ", Kana), Same);
        assert_eq!(rendering("valberg", "バルベルグ", Kana), Same);
        assert_eq!(rendering("hollings", "ホリングス", Kana), Same);
        assert_eq!(rendering("jorgen", "ジョルゲン", Kana), Same);
        assert_eq!(rendering("fenwick", "フェンウィック", Kana), Same);
        assert_eq!(rendering("chandler", "チャンドラー", Kana), Same);
        assert_eq!(rendering("bridgeton", "ブリッジトン", Kana), Same);
        // English leaves an r unsaid, French a final consonant.
        assert_eq!(rendering("walker", "ウォーカー", Kana), Same);
        assert_eq!(rendering("palmer", "パーマー", Kana), Same);
        assert_eq!(rendering("giraud", "ジロー", Kana), Same);
        // A Spanish j.
        assert_eq!(rendering("bajares", "バハレス", Kana), Same);
        // One consonant changed: a misspelling.
        assert_eq!(rendering("rossetti", "ロセッリ", Kana), Near);
        // Another name, or an ordinary loanword.
        assert_eq!(rendering("rossetti", "マルティン", Kana), Different);
        assert_eq!(rendering("hollings", "ポンド", Kana), Different);
    }
}
