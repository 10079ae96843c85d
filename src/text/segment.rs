//! Sentence segmentation, for `--level sentence`.
//!
//! Where a sentence may end is the language profile's (`sentence_cuts`): Chinese
//! ends one at `。！？；` (closing quotes stay with it). Russian ends
//! one at `. ! ? …` followed by a space and a capital, a digit or an opening quote —
//! but not after an abbreviation of the language profile (`г.`, `ст.`, `п.`, `т.е.`,
//! `и т.д.`, `англ.`), not after an initial (`Н. Назарбаев`), and not inside a number
//! (`1.5`). UAX #29 sentence breaks split Russian abbreviations wrongly, so the rule
//! is written here.

use crate::lang::Lang;

/// Splits `text` into sentences, each trimmed; a text without a boundary is one sentence.
pub fn sentences(lang: Lang, text: &str) -> Vec<String> {
    let profile = lang.profile();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let closers = ['”', '’', '」', '』', '»', '"', ')', '）', '》'];
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        let ends = profile.sentence_cuts.contains(&c);
        if !ends {
            i += 1;
            continue;
        }
        // Take closing quotes and repeated marks with the sentence.
        let mut j = i + 1;
        while j < chars.len() && (closers.contains(&chars[j].1) || profile.sentence_enders.contains(&chars[j].1)) {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        let boundary =
            if profile.has_case { cased_boundary(profile.abbreviations, text, &chars, i, j) } else { j < chars.len() };
        if boundary {
            let s = text[start..end].trim();
            if !s.is_empty() {
                out.push(s.to_string());
            }
            start = end;
        }
        i = j;
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    if out.is_empty() {
        out.push(text.trim().to_string());
    }
    out
}

fn cased_boundary(abbreviations: &[&str], text: &str, chars: &[(usize, char)], i: usize, j: usize) -> bool {
    // A space, then a capital, digit or opening quote.
    let Some(&(_, space)) = chars.get(j) else {
        return false;
    };
    if !space.is_whitespace() {
        return false;
    }
    let Some(&(_, next)) = chars[j..].iter().find(|(_, c)| !c.is_whitespace()) else {
        return false;
    };
    if !(next.is_uppercase() || next.is_ascii_digit() || matches!(next, '«' | '"' | '„' | '(' | '—' | '–')) {
        return false;
    }
    if chars[i].1 != '.' {
        return true;
    }
    // The word before the full stop.
    let word_start = chars[..i].iter().rposition(|(_, c)| c.is_whitespace() || *c == '(').map_or(0, |k| k + 1);
    let word = &text[chars[word_start].0..chars[i].0];
    let lower = word.to_lowercase();
    let bare = lower.trim_start_matches(['«', '"', '(']);
    if abbreviations.contains(&bare) {
        return false;
    }
    // An initial: one capital letter.
    let mut letters = bare.chars();
    if let (Some(c), None) = (word.chars().next(), letters.nth(1))
        && c.is_uppercase()
    {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese() {
        assert_eq!(
            sentences(Lang::Zh, "本条约需经批准。本条约无限期有效；自收到之日起生效。"),
            ["本条约需经批准。", "本条约无限期有效；", "自收到之日起生效。"]
        );
        assert_eq!(sentences(Lang::Zh, "他说：“好。”然后走了。"), ["他说：“好。”", "然后走了。"]);
    }

    #[test]
    fn russian_abbreviations_initials_numbers() {
        assert_eq!(
            sentences(Lang::Ru, "Подписан 7 июня 2002 г. в Москве. См. ст. 5 Устава. Н. Назарбаев подписал его."),
            ["Подписан 7 июня 2002 г. в Москве.", "См. ст. 5 Устава.", "Н. Назарбаев подписал его."]
        );
        assert_eq!(sentences(Lang::Ru, "Длина 1.5 км. Далее т.е. ничего."), ["Длина 1.5 км.", "Далее т.е. ничего."]);
        assert_eq!(sentences(Lang::Ru, "Одно предложение"), ["Одно предложение"]);
    }
}
