/**
 * What a name must not touch: a letter, a combining mark, a digit or an underscore, but not the
 * characters of scripts written without spaces between words (Chinese, Japanese kana, Thai), next
 * to which a Latin name stands as a word of its own ("从今日头条到TikTok").
 */
export const WORD_CHAR = String.raw`(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}])[\p{L}\p{M}\p{N}_])`;
