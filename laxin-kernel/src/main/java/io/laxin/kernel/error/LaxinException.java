package io.laxin.kernel.error;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.api.ErrorCode;

/** The one business exception: carries a stable {@link ErrorCode} and a detail a caller can act on. */
public class LaxinException extends RuntimeException {

    private final transient ErrorCode errorCode;

    public LaxinException(ErrorCode errorCode, String detail) {
        super(detail);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public static LaxinException notFound(String what) {
        return new LaxinException(CommonErrorCode.NOT_FOUND, what);
    }
}
