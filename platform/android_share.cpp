// JNI bridge to KneeLogActivity (platform/android): the share sheet for exports and the insets
// of the status bar and display cut-outs. The desktop has neither: shareFile() says so and the
// insets are zero.
#include "platform/platform.hpp"

#ifdef __ANDROID__
#include <SDL.h>
#include <jni.h>

#include <chrono>
#include <thread>
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

// Asks takeMethod() every 150 ms until it answers (at most 30 minutes): the answer, or nullopt.
std::optional<std::string> pollActivity(const char* takeMethod) {
    for (int waited = 0; waited < 12000; ++waited) {
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        ActivityClass a;  // SDL_AndroidGetJNIEnv attaches this thread to the VM
        jmethodID take = a.method(takeMethod, "()Ljava/lang/String;");
        if (!take) return std::nullopt;
        auto answer = static_cast<jstring>(a.env->CallStaticObjectMethod(a.cls, take));
        if (a.threw() || !answer) continue;
        const char* text = a.env->GetStringUTFChars(answer, nullptr);
        std::string out = text ? text : "";
        if (text) a.env->ReleaseStringUTFChars(answer, text);
        a.env->DeleteLocalRef(answer);
        return out;
    }
    return std::nullopt;
}

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

// The system document picker: KneeLogActivity.openDocument() opens it, and a thread asks
// takeChosen() until the answer is there (the activity copies the chosen document into the app's
// files/imports, so the app reads a file, never a URI).
std::optional<std::future<std::optional<std::string>>> chooseFileToOpen(const std::string&, const std::string&,
                                                                        const std::vector<std::string>&) {
    {
        ActivityClass a;
        jmethodID open = a.method("openDocument", "()Z");
        if (!open || a.env->CallStaticBooleanMethod(a.cls, open) != JNI_TRUE || a.threw()) return std::nullopt;
    }
    std::promise<std::optional<std::string>> promise;
    auto future = promise.get_future();
    std::thread([promise = std::move(promise)]() mutable {
        std::optional<std::string> answer = pollActivity("takeChosen");
        if (answer && answer->empty()) answer.reset();  // cancelled
        promise.set_value(answer);
    }).detach();
    return future;
}

std::optional<std::future<SaveOutcome>> saveCopyOutside(const std::string& file, const std::string&,
                                                        std::function<std::string(const std::string&)>) {
    {
        ActivityClass a;
        jmethodID save = a.method("saveDocument", "(Ljava/lang/String;)Z");
        if (!save) return std::nullopt;
        jstring jpath = a.env->NewStringUTF(file.c_str());
        const jboolean ok = jpath ? a.env->CallStaticBooleanMethod(a.cls, save, jpath) : JNI_FALSE;
        const bool threw = a.threw();
        if (jpath) a.env->DeleteLocalRef(jpath);
        if (ok != JNI_TRUE || threw) return std::nullopt;
    }
    std::promise<SaveOutcome> promise;
    auto future = promise.get_future();
    std::thread([promise = std::move(promise)]() mutable {
        const std::optional<std::string> answer = pollActivity("takeSaved");
        SaveOutcome out{false, ""};
        if (answer && !answer->empty() && answer->front() == '!') out.second = "Not saved: " + answer->substr(1) + ".";
        else if (answer && !answer->empty()) out = {true, "Saved a copy as " + *answer + "."};
        promise.set_value(out);
    }).detach();
    return future;
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
