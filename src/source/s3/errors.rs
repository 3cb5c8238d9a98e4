//! S3 errors as results: every failed request becomes a Macie reason code
//! on the object (or the bucket), and the scan goes on.
//!
//! In: an `SdkError` (service error with HTTP status, error code and
//! message; timeout; connection failure). Out: a `Failure` (reason code +
//! human detail) and whether it is a deliberate skip or a failure.
//! The mapping is a pure function of (status, code, message) so it is tested
//! as a table; servers differ (moto answers a policy denial with an empty
//! 403, AWS with `AccessDenied`, KMS problems arrive as `KMS.*` codes or as
//! `AccessDenied` naming KMS in the message).

use aws_sdk_s3::config::http::HttpResponse;
use aws_sdk_s3::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};

/// Why an object or bucket could not be (fully) read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Macie reason code (or UNABLE_TO_READ_OBJECT for transport errors).
    pub reason: &'static str,
    /// What happened, for people.
    pub detail: String,
    /// No answer from the server (timeout, refused or dropped connection),
    /// as opposed to an error answer: what the endpoint breaker counts.
    pub transport: bool,
}

impl Failure {
    /// A failure with a reason and detail.
    pub fn new(reason: &'static str, detail: impl Into<String>) -> Failure {
        Failure {
            reason,
            detail: detail.into(),
            transport: false,
        }
    }

    /// A transport failure (no answer).
    pub fn transport(detail: impl Into<String>) -> Failure {
        Failure {
            transport: true,
            ..Failure::new("UNABLE_TO_READ_OBJECT", detail)
        }
    }

    /// Deliberate skips (the object is fine, just not analysable now):
    /// SKIPPED, not FAILED, and they do not raise the exit code.
    pub fn is_skip(&self) -> bool {
        matches!(
            self.reason,
            "INVALID_OBJECT_STATE"
                | "OBJECT_VERSION_MISMATCH"
                | "SOURCE_OBJECT_NO_LONGER_AVAILABLE"
                | "FILE_EXCEEDS_SIZE_LIMIT"
                | "UNSUPPORTED_FILE_TYPE"
        )
    }
}

/// Reason for a service error answer.
pub fn reason_for(status: u16, code: Option<&str>, message: Option<&str>) -> &'static str {
    let code = code.unwrap_or("");
    let msg = message.unwrap_or("");
    let lower = msg.to_ascii_lowercase();
    // AWS: `KMS.DisabledException`, `KMS.NotFoundException`, ... codes, or
    // AccessDenied "... not authorized to perform: kms:Decrypt ...", or
    // "The ciphertext refers to a customer master key that does not exist".
    if code.starts_with("KMS") || lower.contains("kms") || lower.contains("customer master key") {
        return "INVALID_KMS_KEY";
    }
    match code {
        "NoSuchBucket" => return "NO_SUCH_BUCKET_AVAILABLE",
        "NoSuchKey" | "NoSuchVersion" => return "SOURCE_OBJECT_NO_LONGER_AVAILABLE",
        "PreconditionFailed" => return "OBJECT_VERSION_MISMATCH",
        "InvalidObjectState" => return "INVALID_OBJECT_STATE",
        "AccessDenied"
        | "AllAccessDisabled"
        | "InvalidAccessKeyId"
        | "SignatureDoesNotMatch"
        | "AccountProblem" => return "PERMISSION_DENIED",
        _ => {}
    }
    if status == 400
        && (code == "InvalidRequest" || code.is_empty())
        && (lower.contains("encryption") || lower.contains("customer") || lower.contains("sse"))
    {
        return "INVALID_ENCRYPTION"; // SSE-C: the object needs the customer's key
    }
    match status {
        403 => "PERMISSION_DENIED",
        404 => "SOURCE_OBJECT_NO_LONGER_AVAILABLE",
        412 => "OBJECT_VERSION_MISMATCH",
        _ => "UNABLE_TO_READ_OBJECT",
    }
}

/// The HTTP status of an error answer, if the server answered.
pub fn status_of<E>(e: &SdkError<E, HttpResponse>) -> Option<u16> {
    e.raw_response().map(|r| r.status().as_u16())
}

/// A response header of an error answer (e.g. `x-amz-bucket-region`).
pub fn header_of<E>(e: &SdkError<E, HttpResponse>, name: &str) -> Option<String> {
    e.raw_response()
        .and_then(|r| r.headers().get(name))
        .map(str::to_string)
}

/// Classify a failed call named `op` (e.g. `GetObject`).
pub fn classify<E>(op: &str, e: &SdkError<E, HttpResponse>) -> Failure
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    match e {
        SdkError::ServiceError(se) => {
            let status = se.raw().status().as_u16();
            let err = se.err();
            let code = err.code();
            let message = err.message();
            let mut reason = reason_for(status, code, message);
            if reason == "UNABLE_TO_READ_OBJECT"
                && status == 400
                && se
                    .raw()
                    .headers()
                    .get("x-amz-server-side-encryption-customer-algorithm")
                    .is_some()
            {
                reason = "INVALID_ENCRYPTION";
            }
            let detail = match (code, message) {
                (Some(c), Some(m)) => format!("{op}: HTTP {status} {c}: {m}"),
                (Some(c), None) => format!("{op}: HTTP {status} {c}"),
                (None, Some(m)) => format!("{op}: HTTP {status}: {m}"),
                (None, None) => format!("{op}: HTTP {status} (no error body)"),
            };
            Failure::new(reason, detail)
        }
        SdkError::TimeoutError(_) => {
            Failure::transport(format!("{op}: timed out ({})", DisplayErrorContext(e)))
        }
        SdkError::DispatchFailure(d) => {
            let what = if d.is_timeout() {
                "timed out"
            } else if d.is_io() {
                "connection failed"
            } else {
                "request failed"
            };
            Failure::transport(format!("{op}: {what} ({})", DisplayErrorContext(e)))
        }
        _ => {
            // A response that could not be parsed: classify by status when we have one.
            let detail = format!("{op}: {}", DisplayErrorContext(e));
            match status_of(e) {
                Some(s) => Failure::new(reason_for(s, None, None), detail),
                None => Failure::transport(detail),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::reason_for;

    #[test]
    fn reason_table() {
        let rows: &[(u16, Option<&str>, Option<&str>, &str)] = &[
            (403, Some("AccessDenied"), Some("Access Denied"), "PERMISSION_DENIED"),
            (403, None, None, "PERMISSION_DENIED"), // moto: empty 403 body
            (
                403,
                Some("AccessDenied"),
                Some("User is not authorized to perform: kms:Decrypt (Service: AWSKMS)"),
                "INVALID_KMS_KEY",
            ),
            (403, Some("KMS.AccessDeniedException"), None, "INVALID_KMS_KEY"),
            (
                403,
                Some("AccessDenied"),
                Some("User: arn:aws:iam::111122223333:user/scan is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:111122223333:key/1234 because no identity-based policy allows the kms:Decrypt action"),
                "INVALID_KMS_KEY",
            ),
            (
                403,
                Some("AccessDenied"),
                Some("The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access."),
                "INVALID_KMS_KEY",
            ),
            (400, Some("KMS.KMSInvalidStateException"), None, "INVALID_KMS_KEY"),
            (400, Some("KMS.DisabledException"), Some("disabled"), "INVALID_KMS_KEY"),
            (
                400,
                Some("InvalidRequest"),
                Some("The object was stored using a form of Server Side Encryption. The correct parameters must be provided to retrieve the object."),
                "INVALID_ENCRYPTION",
            ),
            (412, Some("PreconditionFailed"), None, "OBJECT_VERSION_MISMATCH"),
            (412, None, None, "OBJECT_VERSION_MISMATCH"),
            (404, Some("NoSuchKey"), None, "SOURCE_OBJECT_NO_LONGER_AVAILABLE"),
            (404, None, None, "SOURCE_OBJECT_NO_LONGER_AVAILABLE"),
            (404, Some("NoSuchBucket"), None, "NO_SUCH_BUCKET_AVAILABLE"),
            (403, Some("InvalidObjectState"), None, "INVALID_OBJECT_STATE"),
            (503, Some("SlowDown"), None, "UNABLE_TO_READ_OBJECT"),
            (500, Some("InternalError"), None, "UNABLE_TO_READ_OBJECT"),
        ];
        for (status, code, msg, want) in rows {
            assert_eq!(
                reason_for(*status, *code, *msg),
                *want,
                "{status} {code:?} {msg:?}"
            );
        }
    }
}
