// Stand-in for the JNI header (jni.h, C++ flavour): the types and the JNIEnv members KneeLog's
// JNI bridge uses, with the JNI specification's signatures (see README.md).
#pragma once
#include <stdarg.h>
#include <stdint.h>

typedef uint8_t jboolean;
typedef int32_t jint;
typedef int64_t jlong;
typedef jint jsize;

class _jobject {};
class _jclass : public _jobject {};
class _jstring : public _jobject {};
class _jthrowable : public _jobject {};
class _jarray : public _jobject {};
class _jintArray : public _jarray {};
typedef _jobject* jobject;
typedef _jclass* jclass;
typedef _jstring* jstring;
typedef _jthrowable* jthrowable;
typedef _jarray* jarray;
typedef _jintArray* jintArray;

struct _jmethodID;
typedef struct _jmethodID* jmethodID;

#define JNI_FALSE 0
#define JNI_TRUE 1

struct _JNIEnv {
    jclass FindClass(const char* name);
    jclass GetObjectClass(jobject obj);
    void DeleteLocalRef(jobject localRef);
    jboolean ExceptionCheck();
    void ExceptionClear();
    jthrowable ExceptionOccurred();
    jmethodID GetMethodID(jclass clazz, const char* name, const char* sig);
    jmethodID GetStaticMethodID(jclass clazz, const char* name, const char* sig);
    jboolean CallStaticBooleanMethod(jclass clazz, jmethodID methodID, ...);
    jobject CallStaticObjectMethod(jclass clazz, jmethodID methodID, ...);
    void CallStaticVoidMethod(jclass clazz, jmethodID methodID, ...);
    jstring NewStringUTF(const char* bytes);
    const char* GetStringUTFChars(jstring string, jboolean* isCopy);
    void ReleaseStringUTFChars(jstring string, const char* utf);
    jsize GetArrayLength(jarray array);
    void GetIntArrayRegion(jintArray array, jsize start, jsize len, jint* buf);
};
typedef _JNIEnv JNIEnv;
