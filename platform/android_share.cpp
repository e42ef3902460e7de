// JNI bridge to KneeLogActivity (platform/android): the share sheet for exports and the insets
// of the status bar and display cut-outs. The desktop has neither: shareFile() says so and the
// insets are zero.
#include "platform/platform.hpp"

#ifdef __ANDROID__
#include <SDL.h>
#include <jni.h>
#endif

namespace platform {

#ifdef __ANDROID__

namespace {

// The running activity and its class (KneeLogActivity), with the local references released.
struct ActivityClass {
    JNIEnv* env = static_cast<JNIEnv*>(SDL_AndroidGetJNIEnv());
    jobject activity = env ? static_cast<jobject>(SDL_AndroidGetActivity()) : nullptr;
    jclass cls = activity ? env->GetObjectClass(activity) : nullptr;

    ActivityClass() = default;
    ActivityClass(const ActivityClass&) = delete;
    ActivityClass& operator=(const ActivityClass&) = delete;
    ~ActivityClass() {
        if (cls) env->DeleteLocalRef(cls);
        if (activity) env->DeleteLocalRef(activity);
    }

    // A static method of the activity's class, or null (with the Java exception cleared).
    jmethodID method(const char* name, const char* signature) {
        if (!cls) return nullptr;
        jmethodID id = env->GetStaticMethodID(cls, name, signature);
        return threw() ? nullptr : id;
    }
    // Clears a pending Java exception so later JNI calls stay valid; true when there was one.
    bool threw() {
        if (!env->ExceptionCheck()) return false;
        env->ExceptionClear();
        return true;
    }
};

}  // namespace

bool shareFile(const std::string& path, const std::string& mime) {
    ActivityClass a;
    jmethodID share = a.method("share", "(Ljava/lang/String;Ljava/lang/String;)Z");
    if (!share) return false;
    jstring jpath = a.env->NewStringUTF(path.c_str());
    jstring jmime = a.env->NewStringUTF(mime.c_str());
    const jboolean ok = (jpath && jmime) ? a.env->CallStaticBooleanMethod(a.cls, share, jpath, jmime) : JNI_FALSE;
    const bool threw = a.threw();
    if (jpath) a.env->DeleteLocalRef(jpath);
    if (jmime) a.env->DeleteLocalRef(jmime);
    return ok == JNI_TRUE && !threw;
}

SafeArea safeAreaInsets() {
    SafeArea area;
    ActivityClass a;
    jmethodID insets = a.method("safeInsets", "()[I");
    if (!insets) return area;
    auto values = static_cast<jintArray>(a.env->CallStaticObjectMethod(a.cls, insets));
    if (a.threw() || !values) return area;
    jint v[4] = {0, 0, 0, 0};  // top, bottom, left, right
    if (a.env->GetArrayLength(values) == 4) a.env->GetIntArrayRegion(values, 0, 4, v);
    a.env->DeleteLocalRef(values);
    area.top = static_cast<float>(v[0]);
    area.bottom = static_cast<float>(v[1]);
    area.left = static_cast<float>(v[2]);
    area.right = static_cast<float>(v[3]);
    return area;
}

#else

bool shareFile(const std::string&, const std::string&) { return false; }

SafeArea safeAreaInsets() { return {}; }

#endif

}  // namespace platform
