//! Which language a page is written in: the one the visitor just chose with the header's link
//! (`?lang=cy`), else the one their `language` cookie keeps from an earlier choice, else the one
//! their browser prefers. Only a choice sets the cookie: a guess from the browser is not kept.

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite, time::Duration};
use shared::boot::{LANGUAGE_COOKIE, LANGUAGE_QUERY};
use shared::language::Language;

/// The language of a page, and whether the visitor chose it with this request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub language: Language,
    pub chosen_now: bool,
}

pub fn of(req: &HttpRequest) -> Choice {
    let asked = url::form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(name, _)| name == LANGUAGE_QUERY)
        .and_then(|(_, code)| Language::parse(&code));
    if let Some(language) = asked {
        return Choice {
            language,
            chosen_now: true,
        };
    }
    let kept = req
        .cookie(LANGUAGE_COOKIE)
        .and_then(|cookie| Language::parse(cookie.value()));
    let language = kept.unwrap_or_else(|| {
        req.headers()
            .get(actix_web::http::header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .map_or(Language::English, Language::from_accept_language)
    });
    Choice {
        language,
        chosen_now: false,
    }
}

/// The cookie that keeps a choice for a year. Scripts need not read it (each page carries its
/// language), so it is HttpOnly like every cookie the portal sets.
pub fn cookie(language: Language) -> Cookie<'static> {
    Cookie::build(LANGUAGE_COOKIE, language.code())
        .path("/")
        .max_age(Duration::days(365))
        .same_site(SameSite::Lax)
        .secure(true)
        .http_only(true)
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn choice(req: TestRequest) -> Choice {
        of(&req.to_http_request())
    }

    #[test]
    fn a_choice_beats_the_cookie_which_beats_the_browser() {
        let welsh_browser = || TestRequest::default().insert_header(("accept-language", "cy"));
        assert_eq!(
            choice(welsh_browser()),
            Choice {
                language: Language::Welsh,
                chosen_now: false
            }
        );
        assert_eq!(
            choice(welsh_browser().cookie(Cookie::new("language", "en"))),
            Choice {
                language: Language::English,
                chosen_now: false
            }
        );
        assert_eq!(
            choice(
                welsh_browser()
                    .cookie(Cookie::new("language", "en"))
                    .uri("/register?lang=cy")
            ),
            Choice {
                language: Language::Welsh,
                chosen_now: true
            }
        );
        // Anything else in `lang` or the cookie is no choice.
        assert_eq!(
            choice(
                TestRequest::default()
                    .uri("/?lang=fr")
                    .cookie(Cookie::new("language", "de"))
            ),
            Choice {
                language: Language::English,
                chosen_now: false
            }
        );
    }
}
