//! wasm-bindgen tests of the JavaScript bindings (feature `wasm`), run in Node by
//! scripts/test-node.sh (`cargo test --target wasm32-unknown-unknown --no-default-features
//! --features wasm --test wasm` with wasm-bindgen-test-runner as the runner).
#![cfg(all(target_arch = "wasm32", feature = "wasm", feature = "html"))]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const PAGE: &str = r#"<!doctype html><html lang="ar"><head><title>خبر للتجربة</title></head>
<body><article><h1>خبر للتجربة</h1>
<p>افتتحت المكتبة العامة في المدينة صباح اليوم قاعة جديدة للقراءة مخصصة للأطفال واليافعين، تضم أكثر من ثلاثة آلاف كتاب مصور وقصة قصيرة، إلى جانب ركن للألعاب التعليمية وآخر للرسم، وذلك بعد أشهر من أعمال الترميم.</p>
<p>وهذه فقرة ثانية من المقال نفسه، تقول فيها مديرة المكتبة إن القاعة ستفتح أبوابها كل يوم من التاسعة صباحاً حتى السادسة مساءً، وإن الدخول إليها مجاني لجميع الأعمار، مع برنامج أسبوعي لقراءة القصص بصوت عالٍ.</p>
<p>وأضافت أن فكرة القاعة جاءت من اقتراحات الأهالي الذين طالبوا بمكان هادئ وآمن يقضي فيه أبناؤهم وقت الفراغ بعد المدرسة، مشيرة إلى أن متطوعين من طلاب الجامعة سيساعدون الصغار في اختيار الكتب وفي الواجبات المدرسية.</p>
</article></body></html>"#;

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn error_code(result: Result<JsValue, JsValue>) -> Option<String> {
    let error = result.err()?;
    assert!(
        error.is_instance_of::<js_sys::Error>(),
        "errors are Error objects"
    );
    assert_eq!(
        get(&error, "name").as_string().as_deref(),
        Some("NaqiError")
    );
    get(&error, "code").as_string()
}

#[wasm_bindgen_test]
fn extract_returns_a_camel_case_plain_object() {
    let article = naqi::wasm::extract(PAGE.into(), None).unwrap_or(JsValue::NULL);
    assert!(article.is_object());
    assert_eq!(
        get(&article, "title").as_string().as_deref(),
        Some("خبر للتجربة")
    );
    let text = get(&article, "text").as_string().unwrap_or_default();
    assert!(text.contains("فقرة ثانية"));
    assert!(get(&article, "wordCount").as_f64().is_some_and(|n| n > 0.0));
    assert!(get(&article, "contentHtml").is_string());
    assert!(get(&get(&article, "readingTime"), "minMinutes")
        .as_f64()
        .is_some());
    assert!(js_sys::Array::is_array(&get(&article, "removed")));
    assert!(get(&article, "content_html").is_undefined());
}

#[wasm_bindgen_test]
fn options_are_read_from_a_plain_object() {
    let options = js_sys::JSON::parse(r#"{"url": "https://example.com/a", "keepImages": false}"#)
        .unwrap_or(JsValue::NULL);
    assert!(naqi::wasm::extract(PAGE.into(), Some(options)).is_ok());
    assert!(naqi::wasm::extract(PAGE.into(), Some(JsValue::UNDEFINED)).is_ok());
    assert!(naqi::wasm::extract(PAGE.into(), Some(JsValue::NULL)).is_ok());
}

#[wasm_bindgen_test]
fn errors_are_error_objects_with_codes() {
    assert_eq!(
        error_code(naqi::wasm::extract("".into(), None)).as_deref(),
        Some("EMPTY_INPUT")
    );
    let bad = |json: &str| Some(js_sys::JSON::parse(json).unwrap_or(JsValue::NULL));
    assert_eq!(
        error_code(naqi::wasm::extract(
            PAGE.into(),
            bad(r#"{"url": "relative/path"}"#)
        ))
        .as_deref(),
        Some("INVALID_OPTIONS")
    );
    assert_eq!(
        error_code(naqi::wasm::extract(
            PAGE.into(),
            bad(r#"{"maxElements": "many"}"#)
        ))
        .as_deref(),
        Some("INVALID_OPTIONS")
    );
    assert_eq!(
        error_code(naqi::wasm::extract(
            PAGE.into(),
            bad(r#"{"maxInputBytes": 10}"#)
        ))
        .as_deref(),
        Some("INPUT_TOO_LARGE")
    );
    let message = naqi::wasm::extract("".into(), None)
        .err()
        .and_then(|e| e.dyn_into::<js_sys::Error>().ok())
        .map(|e| String::from(e.message()));
    assert_eq!(message.as_deref(), Some("the input is empty"));
}

#[wasm_bindgen_test]
fn is_probably_readable_answers_both_ways() {
    assert_eq!(
        naqi::wasm::is_probably_readable(PAGE.into()).ok(),
        Some(true)
    );
    assert_eq!(
        naqi::wasm::is_probably_readable(
            r#"<html><body><ul><li><a href="/a">أ</a></li></ul></body></html>"#.into()
        )
        .ok(),
        Some(false)
    );
}

#[wasm_bindgen_test]
fn inputs_that_are_not_strings_are_invalid_input() {
    let object = js_sys::Object::new().into();
    for value in [
        JsValue::from(42),
        JsValue::TRUE,
        object,
        JsValue::NULL,
        JsValue::UNDEFINED,
    ] {
        assert_eq!(
            error_code(naqi::wasm::extract(value.clone(), None)).as_deref(),
            Some("INVALID_INPUT")
        );
        assert_eq!(
            error_code(naqi::wasm::extract_tree(value.clone(), None)).as_deref(),
            Some("INVALID_INPUT")
        );
        assert_eq!(
            error_code(naqi::wasm::is_probably_readable(value).map(JsValue::from)).as_deref(),
            Some("INVALID_INPUT")
        );
    }
}
